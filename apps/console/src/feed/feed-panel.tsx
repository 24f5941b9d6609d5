import { useState } from 'preact/hooks';
import { answer, type components, type PorchlightClient } from '../api.js';
import type { LatLng } from '../map/geometry.js';
import { useClassroom } from '../shell/classroom.js';
import { formatTime } from '../shell/clock-bar.js';
import { Failure } from '../shell/failure.js';
import { useAction } from '../shell/use-action.js';
import { useLoaded } from '../shell/use-loaded.js';

type Category = components['schemas']['CreatePostDto']['category'];
const CATEGORIES: Category[] = ['suspicious', 'crime', 'safety', 'lost-pet', 'unexpected-activity', 'community'];

/** Where a post waits, in plain words. */
function postState(post: components['schemas']['PostResponse']): string {
  if (post.status === 'published') return 'published';
  if (post.status === 'held') return `held for a moderator${post.heldBecause ? ` (${post.heldBecause})` : ''}`;
  return post.status;
}

/**
 * The neighbours' feed around a home: post, and read what neighbours posted nearby. Every post's
 * place is its H3 cell, never the address (privacy invariant 7), and the policy may hold a post
 * that describes a person by race alone for a moderator.
 */
export function FeedPanel({ client, home }: { client: PorchlightClient; home: LatLng }) {
  const classroom = useClassroom();
  const [category, setCategory] = useState<Category>('suspicious');
  const [title, setTitle] = useState('Someone at my door');
  const [body, setBody] = useState('A black man walking past the houses.');
  const [posted, setPosted] = useState<string | null>(null);
  const action = useAction();
  const feed = useLoaded(() => answer(client.GET('/api/feed', { params: { query: { lat: home.lat, lng: home.lng, radiusMeters: 1000, limit: 5 } } })), [client, home.lat, home.lng, classroom.revision]);
  const post = async (event: Event) => {
    event.preventDefault();
    setPosted(null);
    await action.run(async () => {
      const created = await answer(client.POST('/api/posts', { body: { category, title, body, location: home } }));
      setPosted(`Your post is ${postState(created)}.`);
      // Every pane: a held post is now in the moderator's queue.
      classroom.changed();
    });
  };
  return (
    <div class="feed-panel">
      <form class="post-form" onSubmit={post} aria-label="Post to the neighbours' feed">
        <label>
          Category{' '}
          <select value={category} onChange={(event) => setCategory(event.currentTarget.value as Category)}>
            {CATEGORIES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Title <input value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </label>
        <label>
          Post <textarea rows={2} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
        </label>
        <button type="submit">Post</button>
        {posted ? <p role="status">{posted}</p> : null}
        {action.failure ? <Failure error={action.failure} /> : null}
      </form>
      {feed.state === 'failed' ? <Failure error={feed.error} /> : null}
      <ul class="feed" aria-label="Latest posts near your home">
        {(feed.value?.items ?? []).map((item) => (
          <li key={item.id}>
            <strong>{item.title}</strong> ({item.category}, {formatTime(item.createdAt)}): {item.body}{' '}
            <small>
              — shown at H3 cell {item.cell}, not an address{item.mine ? `; yours, ${postState(item)}` : ''}
            </small>
          </li>
        ))}
      </ul>
      {feed.value?.items.length === 0 ? <p>No posts nearby yet.</p> : null}
    </div>
  );
}
