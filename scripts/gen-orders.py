"""Writes N synthetic orders (chip,destination,end_user,end_user_hq,date,quantity) for batch benchmarks.

With "parties", one row in ten names an end user: a mix of Entity List names and ordinary companies,
so that screening is exercised with the cache hit rate of a real order book (repeat customers).
"""
import random
import sys

n, path, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(7)
chips = ["H200", "H100", "H20", "A100", "A800", "RTX 4090", "RTX 4090 D", "L20", "L40S", "B200", "MI300X",
         "MI325X", "Gaudi 3", "Ascend 910B", "T4", "A10", "V100", "B300", "GB200", "L4"]
dests = ["CN", "HK", "MO", "SG", "MY", "VN", "SA", "AE", "DE", "GB", "JP", "IN", "IL", "RU", "KH", "NI", "CY",
         "US", "KR", "TW"]
parties = ["Huawei Technologies Co., Ltd.", "Moore Threads", "Biren Technology", "Inspur Group",
           "Acme Robotics GmbH", "Northwind Traders", "Contoso Ltd", "Fabrikam Inc", "Tailspin Toys",
           "Sugon", "Alibaba Cloud Singapore", "OVHcloud", "Tencent Holdings", "ByteDance Ltd"]
with open(path, "w") as f:
    f.write("chip,destination,end_user,end_user_hq,date,quantity\n")
    for _ in range(n):
        y, m, d = random.choice([2022, 2023, 2024, 2025, 2026]), random.randint(1, 12), random.randint(1, 28)
        hq = random.choice(["", "", "", "CN"])
        party = random.choice(parties) if mode == "parties" and random.random() < 0.1 else ""
        party = f'"{party}"' if "," in party else party
        f.write(f"{random.choice(chips)},{random.choice(dests)},{party},{hq},{y}-{m:02d}-{d:02d},{random.randint(1, 5000)}\n")
