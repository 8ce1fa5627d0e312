import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResult } from '../../../src/graph/graph-model.js';
import { api } from '../api/api-client.js';
import { navigate } from '../router/navigation.js';
import { resourcePath, searchPath } from '../router/routes.js';
import { resultsInDisplayOrder } from './group-results.js';
import { SearchResultList } from './search-result-list.js';

const typingPause = 150;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The search field of every page: '/' focuses it, arrows move through the results, Enter opens
 * the one chosen (or the full results page), Escape closes the list.
 */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === '/' && !isTypingTarget(event.target)) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.search(trimmed, controller.signal).then(
        (answer) => {
          setResults(resultsInDisplayOrder(answer.results));
          setActive(-1);
          setFailure(undefined);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setFailure(error instanceof Error ? error.message : 'Search failed.');
          }
        },
      );
    }, typingPause);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Escape') {
      close();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = results[active];
      if (chosen !== undefined) navigate(resourcePath(chosen.node.key));
      else if (query.trim() !== '') navigate(searchPath(query.trim()));
      close();
      input.current?.blur();
    }
  };

  const activeResult = results[active];
  const showList = open && query.trim() !== '';
  return (
    <div
      className="search-box"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) close();
      }}
    >
      <input
        ref={input}
        type="search"
        className="search-input"
        placeholder="Search: id, ARN, name, tag, IP, account   ( / )"
        aria-label="Search resources"
        role="combobox"
        aria-expanded={showList}
        aria-controls="search-dropdown"
        aria-activedescendant={
          activeResult === undefined
            ? undefined
            : `search-option-${encodeURIComponent(activeResult.node.key)}`
        }
        value={query}
        maxLength={512}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div id="search-dropdown" className="search-dropdown">
          {failure !== undefined && <p className="error">{failure}</p>}
          {failure === undefined && results.length === 0 && <p className="muted">No match yet.</p>}
          <SearchResultList
            results={results}
            activeKey={activeResult?.node.key}
            idPrefix="search-option"
            onChoose={close}
          />
        </div>
      )}
    </div>
  );
}
