//! Policy exploration: diffs between dates and scenarios, timelines, impact.
