//! Streams of typed pages and items across continuation ([`Client::pages`], [`Client::items`]).
//!
//! With a generator and props, one page's data is spread over several batches: MediaWiki
//! sends the generator's pages again in each batch, with the next part of their props, and
//! marks the last batch of a set with `batchcomplete`. The page stream merges a set's
//! batches and yields each page once, complete. A list's items are complete in every batch.

use std::collections::{HashMap, VecDeque};
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::{Stream, StreamExt};
use serde_json::Value;

use super::{Client, Error, Response};
use crate::pages::{ListModule, PageAnswer, PageKey, QueryAnswer};
use crate::{ApiModule, Request};

/// The `continue` object a stream resumes from.
pub type Continuation = serde_json::Map<String, Value>;

/// A set of pages (or a list's batch of items) that is complete, and where the next begins.
struct Set<T> {
    items: Vec<T>,
    next: Option<Continuation>,
}

/// A stream of typed pages or items that can say where to resume: save
/// [`Resumable::resume_point`] as you go, and a bot restarted after a crash goes on from it
/// with [`Client::pages_from`] or [`Client::items_from`].
pub struct Resumable<T> {
    sets: Pin<Box<dyn Stream<Item = Result<Set<T>, Error>> + Send>>,
    ready: VecDeque<T>,
    /// Where the set being yielded began.
    set_start: Option<Continuation>,
    /// Where the set after it begins.
    next_start: Option<Continuation>,
    failed: bool,
}

impl<T> Resumable<T> {
    fn new(
        sets: impl Stream<Item = Result<Set<T>, Error>> + Send + 'static,
        resume: Option<Continuation>,
    ) -> Resumable<T> {
        Resumable {
            sets: Box::pin(sets),
            ready: VecDeque::new(),
            set_start: resume.clone(),
            next_start: resume,
            failed: false,
        }
    }

    /// Where a stream started again goes on (`None`: from the beginning). It is the start
    /// of the set the last item came from, so a restart yields the rest of that set again
    /// (some items twice, none missed): the granularity MediaWiki's continuation allows.
    pub fn resume_point(&self) -> Option<&Continuation> {
        self.set_start.as_ref()
    }

    /// Once every item of a set is out, a restart begins with the next set.
    fn advance_when_yielded(&mut self) {
        if self.ready.is_empty() {
            self.set_start = self.next_start.clone();
        }
    }
}

// Nothing in it is pinned in place (the batches are boxed): it may move between polls.
impl<T> Unpin for Resumable<T> {}

impl<T> Stream for Resumable<T> {
    type Item = Result<T, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.ready.pop_front() {
                this.advance_when_yielded();
                return Poll::Ready(Some(Ok(item)));
            }
            if this.failed {
                return Poll::Ready(None);
            }
            match futures_util::ready!(this.sets.poll_next_unpin(cx)) {
                None => return Poll::Ready(None),
                Some(Err(e)) => {
                    // What was merged so far is incomplete: nothing more is yielded.
                    this.failed = true;
                    return Poll::Ready(Some(Err(e)));
                }
                Some(Ok(set)) => {
                    this.next_start = set.next;
                    this.ready.extend(set.items);
                    this.advance_when_yielded();
                }
            }
        }
    }
}

/// Props whose `limit` changes what is read, not how many per batch (`rvlimit` reads a
/// page's history instead of its last revision, `iilimit` a file's old versions): the
/// streams leave them as the caller set them.
const CONTENT_LIMITS: &[&str] = &["revisions", "deletedrevisions", "imageinfo"];

/// Whether this batch ends a set of pages: `batchcomplete`, or nothing more to fetch.
fn completes_set<A>(batch: &Response<A>) -> bool {
    batch.batch_complete() || batch.continuation().is_none()
}

/// The pages of one set, merged by [`PageKey`] in the order they first came.
struct PageSet<P> {
    pages: Vec<P>,
    by_key: HashMap<PageKey, usize>,
}

impl<P: PageAnswer> PageSet<P> {
    fn add(&mut self, pages: Vec<P>) {
        for page in pages {
            let key = page.key();
            match self.by_key.get(&key) {
                Some(&at) if key != PageKey::Unknown => self.pages[at].merge(page),
                _ => {
                    self.by_key.insert(key, self.pages.len());
                    self.pages.push(page);
                }
            }
        }
    }

    fn take(&mut self) -> Vec<P> {
        self.by_key.clear();
        std::mem::take(&mut self.pages)
    }
}

/// Sends `max` for every `limit` the caller left unset, of the generator, of each list and of
/// each prop whose limit only sizes the batches, so the user's rights decide the batch size
/// and a read takes the fewest requests MediaWiki allows.
fn with_max_limits<A: QueryAnswer>(mut request: Request) -> Request {
    let mut limits = vec![];
    for (group, prefix) in [("generator", "g"), ("list", ""), ("prop", "")] {
        let Some(crate::Value::Text(names)) = request.get(group) else {
            continue;
        };
        for name in names.split('|') {
            if group == "prop" && CONTENT_LIMITS.contains(&name) {
                continue;
            }
            if let Some((_, wire)) = A::LIMITS.iter().find(|(module, _)| *module == name) {
                limits.push(format!("{prefix}{wire}"));
            }
        }
    }
    for limit in limits {
        if request.get(&limit).is_none() {
            request.text(limit, "max");
        }
    }
    request
}

impl Client {
    /// `module` encoded for a stream: with `max` for the limits it leaves unset.
    fn stream_request<M>(&self, module: &M) -> Result<Request, Error>
    where
        M: ApiModule,
        M::Answer: QueryAnswer,
    {
        module
            .encode(self.inner.settings.limits)
            .map(with_max_limits::<M::Answer>)
            .map_err(Error::from)
    }

    /// Every page a query yields (a generator's, or the titles or ids given), each once and
    /// complete: the props of a page that MediaWiki spreads over several batches are merged
    /// (until `batchcomplete`), typed as the version's `answer::QueryPages`. The generator's,
    /// lists' and props' `limit`s the query leaves unset are `max` (not `rvlimit` or
    /// `iilimit`, which change what is read). See [`Resumable`] for saving the position.
    pub fn pages<M>(&self, query: &M) -> Resumable<<M::Answer as QueryAnswer>::Page>
    where
        M: ApiModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.pages_from(query, None)
    }

    /// [`Client::pages`] from a saved [`Resumable::resume_point`].
    pub fn pages_from<M>(
        &self,
        query: &M,
        resume: Option<Continuation>,
    ) -> Resumable<<M::Answer as QueryAnswer>::Page>
    where
        M: ApiModule + 'static,
        M::Answer: QueryAnswer,
    {
        let request = self.stream_request(query);
        let mut merging = PageSet {
            pages: vec![],
            by_key: HashMap::new(),
        };
        let sets = self
            .continued_request::<M>(request, resume.clone())
            .map(move |batch| {
                let batch = batch?;
                let complete = completes_set(&batch);
                let next = batch.continuation().cloned();
                merging.add(batch.answer()?.take_pages());
                Ok(complete.then(|| Set {
                    items: merging.take(),
                    next,
                }))
            })
            .filter_map(|set| std::future::ready(set.transpose()));
        Resumable::new(sets, resume)
    }

    /// Every item of a list (`query::CategoryMembers`, `query::RecentChanges`, …), typed as
    /// the version's `answer::QueryCategoryMembers`, following `continue` to the end, its
    /// `limit` `max` unless set. See [`Resumable`] for saving the position.
    pub fn items<M>(&self, list: &M) -> Resumable<M::Item>
    where
        M: ListModule + 'static,
        M::Answer: QueryAnswer,
    {
        self.items_from(list, None)
    }

    /// [`Client::items`] from a saved [`Resumable::resume_point`].
    pub fn items_from<M>(&self, list: &M, resume: Option<Continuation>) -> Resumable<M::Item>
    where
        M: ListModule + 'static,
        M::Answer: QueryAnswer,
    {
        let request = self.stream_request(list);
        let sets = self
            .continued_request::<M>(request, resume.clone())
            .map(|batch| {
                let batch = batch?;
                let next = batch.continuation().cloned();
                let items = M::take_items(&mut batch.answer()?);
                Ok(Set { items, next })
            });
        Resumable::new(sets, resume)
    }
}
