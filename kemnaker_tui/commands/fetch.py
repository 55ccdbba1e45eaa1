"""`kemnaker-tui fetch URL... [--into DIR] [--json]` and `fetch --feed FEED_URL`:
download articles into a folder the explorer and every command can open."""
from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", metavar="URL", help="pages or PDFs to download")
    parser.add_argument("--feed", metavar="FEED_URL", action="append", default=[],
                        help="an RSS or Atom feed: each item's link is downloaded (repeatable)")
    parser.add_argument("--into", metavar="DIR", default=None,
                        help="the folder to keep pages in (default: the articles folder, see `kemnaker-tui paths`)")
    parser.add_argument("--refresh", action="store_true",
                        help="download URLs fetched before again (a changed page replaces the old copy, said so)")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="give up on one download after this long (default 60)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per URL instead of lines")


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import userdata
    from kemnaker_tui.cli import EXIT_OK, EXIT_SOME_SKIPPED, EXIT_USAGE
    from kemnaker_tui.commands.tables import safe
    from kemnaker_tui.fetch import Fetcher, HttpPolicy

    if not args.urls and not args.feed:
        print("kemnaker-tui fetch: give at least one URL or --feed FEED_URL", file=sys.stderr)
        return EXIT_USAGE
    into = args.into or str(userdata.articles_dir())
    policy = HttpPolicy()
    if args.timeout:
        policy.total_timeout = args.timeout
        policy.read_timeout = min(policy.read_timeout, args.timeout)

    def show(outcome) -> None:
        if args.json:
            print(json.dumps(outcome.to_dict(), ensure_ascii=False), flush=True)
            return
        url = safe(outcome.url)
        if outcome.failed:
            print(f"kemnaker-tui: failed {url}: {safe(outcome.reason or '')}", file=sys.stderr, flush=True)
        elif outcome.status == "already":
            print(f"already fetched {url} -> {safe(outcome.path or '')}", flush=True)
        else:
            title = f"  ({safe(outcome.title)})" if outcome.title else ""
            note = f" — {outcome.reason}" if outcome.status == "refreshed" and outcome.reason else ""
            print(f"{outcome.status} {url} -> {safe(outcome.path or '')}{title}{note}", flush=True)

    outcomes = []
    with Fetcher(into, policy=policy, refresh=args.refresh, progress=show) as fetcher:
        if args.urls:
            outcomes += fetcher.fetch_urls(args.urls)
        for feed in args.feed:
            failure, items = fetcher.fetch_feed(feed)
            outcomes += ([failure] if failure else []) + items
    failed = sum(o.failed for o in outcomes)
    if not args.json:
        done = sum(o.status in ("fetched", "refreshed") for o in outcomes)
        print(f"{done} fetched, {sum(o.status in ('already', 'unchanged') for o in outcomes)} already there, "
              f"{failed} failed; folder: {into}", file=sys.stderr)
    return EXIT_SOME_SKIPPED if failed else EXIT_OK
