//! `earl serve` under abuse (issue 14), driven over real sockets against the real binary:
//! idle connections do not starve `/healthz`, the connection cap answers 503 with
//! `Retry-After` and recovers when the load leaves, a slowloris is closed by the header
//! timeout, and SIGTERM with a slow client connected stops within the drain bound, with every
//! answered request in the audit trail.
//!
//! The timeouts are configured short here; the assertions bound what must happen (the
//! connection closes, the server exits), with margins far above the configured times, never
//! how fast the machine is.

use earl_store::{AuditStore, ListFilter};
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `earl serve`, killed if the test ends without stopping it.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `earl [global] serve --addr 127.0.0.1:0 [flags]` and waits for its address.
    fn start(global: &[&str], flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
            .args(global)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("earl starts");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("earl prints its address");
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, addr }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(self.addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream
    }

    /// One request on a new connection; the status and the whole response.
    fn request(&self, head_and_body: &str) -> (u16, String) {
        let mut stream = self.connect();
        stream.write_all(head_and_body.as_bytes()).unwrap();
        let mut response = Vec::new();
        // `Connection: close` in every request here: the answer ends at EOF.
        match stream.read_to_end(&mut response) {
            Ok(_) => {}
            Err(e) if !response.is_empty() && e.kind() == ErrorKind::ConnectionReset => {}
            Err(e) => panic!("no answer: {e}"),
        }
        let text = String::from_utf8_lossy(&response).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
        (status, text)
    }

    fn healthz(&self) -> (u16, String) {
        self.request("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    }

    fn check(&self) -> (u16, String) {
        let body = r#"{"chip":"H200","to":"CN","date":"2026-03-01"}"#;
        self.request(&format!(
            "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ))
    }

    /// Descriptors the server holds (Linux), to know it has accepted the connections.
    fn open_files(&self) -> Option<usize> {
        std::fs::read_dir(format!("/proc/{}/fd", self.child.id()))
            .ok()
            .map(|d| d.count())
    }

    fn rss_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    }
}

/// Raises this process's soft open-file limit to the hard one; the limit in force.
fn raise_file_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: plain system calls on a struct this function owns.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        limit.rlim_cur = limit.rlim_max;
        libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
    }
    #[allow(clippy::unnecessary_cast)]
    let limit = limit.rlim_cur as u64;
    limit
}

/// Waits (up to three minutes: a debug build beside other test binaries on two cores accepts
/// thousands of connections slowly) until `ready` holds. Set-up only; nothing is timed by it.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(180);
    while !ready() {
        assert!(Instant::now() < deadline, "gave up waiting until {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn thousands_of_idle_connections_do_not_starve_healthz() {
    // 3,000 as in the issue, fewer where this process may not open that many sockets.
    let idle = usize::try_from(raise_file_limit().saturating_sub(256))
        .unwrap_or(3000)
        .min(3000);
    assert!(idle >= 500, "the open-file limit is too low for this test");
    let server = Server::start(
        &["--no-audit"],
        &["--idle-timeout", "600", "--header-timeout", "600"],
    );
    assert_eq!(server.healthz().0, 200);
    let rss_before = server.rss_kib();
    let files_before = server.open_files();
    let held: Vec<TcpStream> = (0..idle).map(|_| server.connect()).collect();
    if let Some(before) = files_before {
        // `before` may still count the /healthz connection, closed by the server an instant
        // later (under load, after the count): allow it.
        wait_until("the server accepted every idle connection", || {
            server.open_files().unwrap_or(0) + 1 >= before + idle
        });
    }
    let started = Instant::now();
    let (status, text) = server.healthz();
    let waited = started.elapsed();
    assert_eq!(status, 200, "{text}");
    assert!(text.contains(r#""status":"ok""#), "{text}");
    // Work still gets done beside them.
    assert_eq!(server.check().0, 200);
    if let (Some(before), Some(after)) = (rss_before, server.rss_kib()) {
        let per_connection = (after.saturating_sub(before) * 1024) / idle as u64;
        eprintln!(
            "{idle} idle connections: /healthz in {waited:?}; RSS {before} KiB -> {after} KiB ({per_connection} bytes per connection)"
        );
        // hyper's buffers are capped at 16 KiB a connection; far below that per idle one.
        assert!(
            per_connection < 64 * 1024,
            "{per_connection} bytes per idle connection"
        );
    }
    drop(held);
}

#[test]
fn beyond_the_connection_cap_work_gets_503_and_healthz_still_answers() {
    let server = Server::start(
        &["--no-audit"],
        &[
            "--max-connections",
            "8",
            "--idle-timeout",
            "600",
            "--header-timeout",
            "600",
        ],
    );
    let held: Vec<TcpStream> = (0..8).map(|_| server.connect()).collect();
    // Connections are accepted in the order they arrive: the next ones are beyond the cap.
    let (status, text) = server.check();
    assert_eq!(status, 503, "{text}");
    assert!(
        text.to_ascii_lowercase().contains("retry-after: 1"),
        "{text}"
    );
    assert!(text.contains(r#""code":"overloaded""#), "{text}");
    let (status, text) = server.healthz();
    assert_eq!(status, 200, "{text}");
    // After the load leaves, the server is as it was.
    drop(held);
    wait_until("the cap has room again", || server.check().0 == 200);
    assert_eq!(server.healthz().0, 200);
}

#[test]
fn a_slowloris_connection_is_closed_by_the_header_timeout() {
    let server = Server::start(
        &["--no-audit"],
        &["--header-timeout", "2", "--idle-timeout", "600"],
    );
    let mut stream = server.connect();
    let mut writer = stream.try_clone().unwrap();
    let started = Instant::now();
    // A head that never ends, a byte every 100 ms: the idle timeout never fires.
    let trickle = std::thread::spawn(move || {
        let head = b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n";
        for byte in head.iter().chain(std::iter::repeat(&b'x')) {
            if writer.write_all(&[*byte]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
            if started.elapsed() > Duration::from_secs(40) {
                return;
            }
        }
    });
    let mut answer = Vec::new();
    let closed = match stream.read_to_end(&mut answer) {
        Ok(_) => true,
        Err(e) => matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe),
    };
    let elapsed = started.elapsed();
    assert!(
        closed,
        "the connection was still open after {elapsed:?} (read timeout)"
    );
    assert!(
        elapsed < Duration::from_secs(30),
        "closed after {elapsed:?}"
    );
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    eprintln!("slowloris closed after {elapsed:?}");
    trickle.join().unwrap();
    // And the server is unharmed.
    assert_eq!(server.healthz().0, 200);
}

#[test]
fn sigterm_with_a_slow_client_stops_within_the_drain_timeout_and_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let db_arg = db.to_str().unwrap();
    let mut server = Server::start(&["--db", db_arg], &["--drain-timeout", "2"]);
    let (status, text) = server.check();
    assert_eq!(status, 200, "{text}");
    // A client that sends its head and part of its body, then stalls: a request in flight.
    let mut slow = server.connect();
    slow.write_all(
        b"POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{\"chip\":",
    )
    .unwrap();
    // And an idle kept-alive client.
    let _idle = server.connect();
    std::thread::sleep(Duration::from_millis(300));

    let started = Instant::now();
    // SAFETY: signals the child this test started.
    assert_eq!(
        unsafe { libc::kill(server.child.id() as libc::pid_t, libc::SIGTERM) },
        0
    );
    let deadline = started + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "earl serve still running 15 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let elapsed = started.elapsed();
    assert!(status.success(), "{status:?}");
    eprintln!("stopped {elapsed:?} after SIGTERM (drain timeout 2 s)");
    // The drain waited for the slow request, up to its bound.
    assert!(elapsed >= Duration::from_millis(1500), "{elapsed:?}");

    // Every answered request is in the audit trail, and the trail verifies.
    let store = AuditStore::open(&db).unwrap();
    assert!(store.verify().unwrap().ok);
    let recorded = store.list(&ListFilter::default()).unwrap();
    assert_eq!(recorded.len(), 1, "{recorded:?}");
}

/// A client that pipelines requests and closes without reading the answers (issue 26): the
/// server's writes meet a closed socket (EPIPE). With SIGPIPE at its default the whole server
/// died of it; it must see a write error, drop that connection and go on serving.
#[test]
fn a_client_that_closes_without_reading_does_not_end_the_server() {
    let server = Server::start(&["--no-audit"], &[]);
    let request = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 25\r\n\r\n{\"chip\":\"H200\",\"to\":\"CN\"}";
    for _ in 0..20 {
        let mut stream = server.connect();
        for _ in 0..8 {
            let _ = stream.write_all(request.as_bytes());
        }
        // Closed unread: the answers in flight are written to a socket with no reader.
        drop(stream);
    }
    std::thread::sleep(Duration::from_millis(500));
    let (status, _) =
        server.request("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(status, 200, "the server is still up");
}
