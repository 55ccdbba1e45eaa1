"""Run every extractor over the articles and merge entities across the corpus."""
from __future__ import annotations


def extract_corpus(articles, alias_file=None):
    return [], [], [], []
