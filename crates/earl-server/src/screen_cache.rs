//! Recent screening answers, prepared for the audit trail, so that a name screened again is
//! answered without screening it again.
//!
//! A screening answer is a function of the question, the lists, the reviewers' dispositions,
//! the ownership graph and today's date (the lists' staleness). The lists and the graph are
//! loaded once for the server's life; the key carries the question, the lists' SHA-256 and
//! today; an entry remembers the dispositions it was judged against and is used only while
//! they are still the engine's. Every request is still recorded: only the screening and the
//! serialisation of its answer are saved.

use earl_engine::ScreenRequest;
use earl_engine::audit::SharedAnswer;
use earl_engine::review::Reviews;
use jiff::civil::Date;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How many answers each of the two generations holds: a few megabytes at most.
const GENERATION: usize = 2048;

/// Everything a screening answer depends on that can differ between two requests.
#[derive(PartialEq, Eq, Hash, Clone)]
pub(crate) struct ScreenKey {
    name: String,
    country: Option<String>,
    lists: Option<Vec<String>>,
    /// The threshold's bits (a threshold is compared exactly).
    threshold: Option<u64>,
    include_below: bool,
    date: Date,
    today: Date,
    lists_sha256: String,
}

impl ScreenKey {
    pub(crate) fn new(request: &ScreenRequest, today: Date, lists_sha256: &str) -> ScreenKey {
        ScreenKey {
            name: request.name.clone(),
            country: request.country.clone(),
            lists: request.lists.clone(),
            threshold: request.threshold.map(f64::to_bits),
            include_below: request.include_below,
            date: request.date,
            today,
            lists_sha256: lists_sha256.to_string(),
        }
    }
}

/// A prepared answer and the dispositions it was judged against.
#[derive(Clone)]
pub(crate) struct Screened {
    pub(crate) reviews: Arc<Reviews>,
    pub(crate) answer: SharedAnswer,
}

/// Two generations of answers: when the newer is full it becomes the older and the older is
/// dropped, so what is asked often stays and memory stays bounded (an approximate LRU).
pub(crate) struct ScreenCache {
    generations: Mutex<(HashMap<ScreenKey, Screened>, HashMap<ScreenKey, Screened>)>,
    /// One screening at a time per core: more would only share the cores and make every one
    /// of them late (64 at once on one core put p99 at 400 ms).
    pub(crate) screening: tokio::sync::Semaphore,
}

impl Default for ScreenCache {
    fn default() -> ScreenCache {
        ScreenCache {
            generations: Mutex::default(),
            screening: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, |n| n.get()),
            ),
        }
    }
}

impl ScreenCache {
    /// The answer to `key`, if it was judged against `reviews` (the engine's dispositions now).
    pub(crate) fn get(&self, key: &ScreenKey, reviews: &Arc<Reviews>) -> Option<SharedAnswer> {
        let mut generations = self.lock();
        let (newer, older) = &mut *generations;
        let found = match newer.get(key) {
            Some(s) => s.clone(),
            None => {
                let s = older.remove(key)?;
                newer.insert(key.clone(), s.clone());
                s
            }
        };
        Arc::ptr_eq(&found.reviews, reviews).then_some(found.answer)
    }

    pub(crate) fn put(&self, key: ScreenKey, screened: Screened) {
        let mut generations = self.lock();
        let (newer, older) = &mut *generations;
        if newer.len() >= GENERATION {
            *older = std::mem::take(newer);
        }
        newer.insert(key, screened);
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, (HashMap<ScreenKey, Screened>, HashMap<ScreenKey, Screened>)>
    {
        // A panic while holding the lock leaves whole entries only: the maps stay usable.
        self.generations
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use earl_engine::{Engine, ListsSource};

    /// An answer judged against other dispositions than the engine's now is not given.
    #[test]
    fn an_answer_is_given_only_under_the_dispositions_it_was_judged_against() {
        let engine = Engine::new(
            earl_data::Dataset::bundled().expect("bundled data loads"),
            ListsSource::Bundled,
        );
        let date = jiff::civil::date(2026, 3, 1);
        let request = ScreenRequest {
            name: "Huawei".into(),
            country: None,
            lists: None,
            threshold: None,
            include_below: false,
            date,
        };
        // Any prepared answer will do: the cache does not look inside.
        let classified = engine
            .classify(&earl_engine::Item::Catalog("H200".into()), date, None)
            .unwrap();
        let answer = engine.share(&earl_render::explained(classified)).unwrap();
        let cache = ScreenCache::default();
        let key = ScreenKey::new(&request, date, "lists");
        let judged_under = Arc::new(Reviews::default());
        cache.put(
            key.clone(),
            Screened {
                reviews: Arc::clone(&judged_under),
                answer,
            },
        );
        assert!(cache.get(&key, &judged_under).is_some());
        assert!(cache.get(&key, &Arc::new(Reviews::default())).is_none());
        let other_day = ScreenKey::new(&request, date.tomorrow().unwrap(), "lists");
        assert!(cache.get(&other_day, &judged_under).is_none());
    }
}
