//! Connections: the accept loop, its caps and timeouts, and the bounded drain on shutdown.
//!
//! `axum::serve` has no header-read timeout, no idle timeout and no connection cap, so the
//! server runs its own accept loop over hyper's HTTP/1 connection ([`http1::Builder`]):
//!
//! - **Connections.** At most [`Limits::max_connections`] are served at once (a semaphore
//!   permit per connection). Beyond that, up to [`OVERFLOW_CONNECTIONS`] more are accepted only
//!   to answer one request each: `GET /healthz` as usual, anything else `503` with
//!   `Retry-After`, then closed. Beyond those the connection is closed as soon as it is
//!   accepted. The default cap is the open-file limit (raised to its hard maximum) less
//!   [`RESERVED_FILES`] and the overflow connections, so the server never runs out of
//!   descriptors for the audit trail or its own listener.
//! - **Header timeout.** hyper's `header_read_timeout`: from the moment the server waits for a
//!   request (on a new connection, or the next one on a kept-alive connection) its complete
//!   head must arrive within [`Limits::header_timeout`], however slowly the bytes trickle in
//!   (slowloris). hyper closes the connection when it expires.
//! - **Idle timeout.** A connection with no request in progress on which no byte has arrived
//!   for [`Limits::idle_timeout`] is closed (a watchdog per connection, fed by the socket's
//!   reads and writes). With an idle timeout at or above the header timeout, the header timeout
//!   closes silent connections first.
//! - **Heads.** A request head is at most [`MAX_HEAD_BYTES`] (hyper's read buffer is capped
//!   there), so a connection's buffers are bounded whatever it sends.
//! - **Shutdown.** The listener closes, every connection is told to finish the request in
//!   progress and close ([`GracefulShutdown`]), and after [`Limits::drain_timeout`] whatever is
//!   left is dropped. A request dropped that way was never answered; one that was answered had
//!   its record committed first (see [`crate::audit`]).

use crate::error::ApiError;
use axum::Router;
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Instant;
use tower::ServiceExt;

/// Connections accepted beyond the cap only to answer `/healthz` or say 503.
pub const OVERFLOW_CONNECTIONS: usize = 64;
/// Descriptors kept back from the connection cap: the listener, the audit trail's database,
/// write-ahead log and shared memory, standard streams, the runtime's own (epoll, wakers,
/// signals), with room to spare.
pub const RESERVED_FILES: u64 = 64;
/// Largest request head (request line and headers); hyper answers 431 beyond it.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long an overflow connection may take to send its request head.
const OVERFLOW_HEADER_TIMEOUT: Duration = Duration::from_secs(2);
/// What a 503 tells the client to wait, in seconds.
pub const RETRY_AFTER_SECS: u64 = 1;

/// The caps and timeouts of `earl serve` (its flags).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections served at once; `None`: derived from the open-file limit
    /// ([`default_max_connections`]).
    pub max_connections: Option<usize>,
    /// Requests (other than `/healthz`, the page and this document) being answered at once;
    /// beyond it a request gets 503 with `Retry-After` at once.
    pub max_requests: usize,
    /// Longest wait for a complete request head, from when the server starts waiting for it.
    pub header_timeout: Duration,
    /// Longest a connection may stay open with nothing in progress and no byte arriving.
    pub idle_timeout: Duration,
    /// Longest the server waits on SIGTERM for requests in flight before closing what is left.
    pub drain_timeout: Duration,
}

/// Default of [`Limits::max_requests`]: far above what two cores answer in the 10 ms a
/// request should take (a few dozen), low enough that their bodies and answers stay small.
pub const DEFAULT_MAX_REQUESTS: usize = 512;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: None,
            max_requests: DEFAULT_MAX_REQUESTS,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(5),
            drain_timeout: Duration::from_secs(10),
        }
    }
}

impl Limits {
    /// The connection cap: as given, or derived from the open-file limit.
    pub fn connections(&self) -> usize {
        self.max_connections
            .unwrap_or_else(|| default_max_connections(raise_file_limit()))
    }
}

/// The connection cap for an open-file limit: the limit less [`RESERVED_FILES`] and
/// [`OVERFLOW_CONNECTIONS`], at least 16; 1,024 when the limit is unknown.
pub fn default_max_connections(file_limit: Option<u64>) -> usize {
    let Some(limit) = file_limit else {
        return 1024;
    };
    let usable = limit.saturating_sub(RESERVED_FILES + OVERFLOW_CONNECTIONS as u64);
    usize::try_from(usable)
        .unwrap_or(usize::MAX)
        .clamp(16, 1 << 20)
}

/// Raises the soft open-file limit to the hard one (as Go's runtime does) and returns the
/// limit now in force, or `None` where it cannot be read.
#[cfg(unix)]
pub fn raise_file_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own; no other memory is touched.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 {
        return None;
    }
    if limit.rlim_cur < limit.rlim_max {
        let raised = libc::rlimit {
            rlim_cur: limit.rlim_max,
            rlim_max: limit.rlim_max,
        };
        // SAFETY: setrlimit reads the struct we own.
        if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
            limit = raised;
        }
    }
    // RLIM_INFINITY (or a huge hard limit): the cap's own clamp applies. (`rlim_t` is not
    // `u64` on every Unix.)
    #[allow(clippy::useless_conversion)]
    Some(u64::try_from(limit.rlim_cur).unwrap_or(u64::MAX))
}

#[cfg(not(unix))]
pub fn raise_file_limit() -> Option<u64> {
    None
}

/// The 503 of a request beyond a cap.
pub fn overloaded(what: &str) -> Response {
    let mut response = ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "overloaded",
        format!(
            "the server is answering as many {what} as it allows; retry after {RETRY_AFTER_SECS} s"
        ),
    )
    .into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    response
}

/// Milliseconds since the first call: a clock that fits in an atomic.
fn now_millis() -> u64 {
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// What the idle watchdog of one connection reads: when a byte last moved, and how many
/// requests are being answered.
#[derive(Default)]
struct Activity {
    last_millis: AtomicU64,
    in_flight: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            last_millis: AtomicU64::new(now_millis()),
            in_flight: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        self.last_millis.store(now_millis(), Ordering::Relaxed);
    }

    /// When the connection becomes idle if nothing happens: `idle` after the last byte.
    fn idle_deadline(&self, idle: Duration) -> Instant {
        let since = now_millis().saturating_sub(self.last_millis.load(Ordering::Relaxed));
        Instant::now() + idle.saturating_sub(Duration::from_millis(since))
    }

    fn is_idle(&self, idle: Duration) -> bool {
        self.in_flight.load(Ordering::Acquire) == 0
            && now_millis().saturating_sub(self.last_millis.load(Ordering::Relaxed))
                >= u64::try_from(idle.as_millis()).unwrap_or(u64::MAX)
    }
}

/// Counts a request as in progress until dropped.
struct InFlight(Arc<Activity>);

impl InFlight {
    fn new(activity: &Arc<Activity>) -> InFlight {
        activity.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(Arc::clone(activity))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A socket that notes every byte read or written in its [`Activity`].
struct Tracked {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Errors of `accept` that concern one connection only (it was reset before being accepted).
fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// Serves `app` on `listener` until `shutdown` completes, then drains (see the module docs).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: &Limits,
    max_connections: usize,
    shutdown: impl Future<Output = ()>,
) {
    let connections = Arc::new(Semaphore::new(max_connections));
    let overflow = Arc::new(Semaphore::new(OVERFLOW_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .keep_alive(true);
    let mut busy = http1::Builder::new();
    busy.timer(TokioTimer::new())
        .header_read_timeout(OVERFLOW_HEADER_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES)
        .keep_alive(false);
    let mut refused: u64 = 0;
    // Every connection's task, so that those left after the drain can be ended here, inside
    // the runtime, before the audit trail is flushed.
    let mut tasks = tokio::task::JoinSet::new();

    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            biased;
            () = &mut shutdown => break,
            Some(_) = tasks.join_next(), if !tasks.is_empty() => continue,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) if is_connection_error(&e) => continue,
                Err(e) => {
                    // Out of descriptors or memory: wait rather than spin; connections that
                    // end meanwhile free what is needed.
                    eprintln!("earl: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        if let Ok(permit) = Arc::clone(&connections).try_acquire_owned() {
            let activity = Arc::new(Activity::new());
            let io = TokioIo::new(Tracked {
                stream,
                activity: Arc::clone(&activity),
            });
            let app = app.clone();
            let requests = Arc::clone(&activity);
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                let in_flight = InFlight::new(&requests);
                let app = app.clone();
                async move {
                    let response = app.oneshot(request).await;
                    drop(in_flight);
                    response
                }
            });
            let connection = graceful.watch(http.serve_connection(io, service));
            let idle = limits.idle_timeout;
            tasks.spawn(async move {
                tokio::pin!(connection);
                loop {
                    tokio::select! {
                        _ = &mut connection => break,
                        () = tokio::time::sleep_until(activity.idle_deadline(idle)) => {
                            if activity.is_idle(idle) {
                                break;
                            }
                        }
                    }
                }
                drop(permit);
            });
        } else if let Ok(permit) = Arc::clone(&overflow).try_acquire_owned() {
            let service = hyper::service::service_fn(|request: Request<Incoming>| async move {
                Ok::<_, Infallible>(if request.uri().path() == "/healthz" {
                    crate::routes::healthz().await.into_response()
                } else {
                    overloaded("connections")
                })
            });
            let connection = graceful.watch(busy.serve_connection(TokioIo::new(stream), service));
            tasks.spawn(async move {
                let _ = connection.await;
                drop(permit);
            });
        } else {
            refused += 1;
            if refused.is_power_of_two() {
                eprintln!(
                    "earl: at the cap of {max_connections} connections (and {OVERFLOW_CONNECTIONS} overflow): {refused} refused so far"
                );
            }
            drop(stream);
        }
    }
    drop(listener);

    let open = graceful.count();
    if open > 0 {
        eprintln!(
            "earl: shutting down: {open} connections open, waiting up to {} s for requests in flight",
            limits.drain_timeout.as_secs_f64()
        );
    }
    if tokio::time::timeout(limits.drain_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!(
            "earl: the drain timeout passed with {} connections still open; closing them (their requests were not answered)",
            tasks.len()
        );
    }
    // Aborts what is left and waits until every task has dropped its connection and router.
    tasks.shutdown().await;
}
