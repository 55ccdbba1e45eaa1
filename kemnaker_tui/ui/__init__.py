"""The Textual explorer. The only package that imports Textual.

``app.py`` holds the App and ``run_app``; ``screens/`` the pushed screens
(article, entity page, help, skipped files, basket); ``widgets/`` the panes of
the main screen (overview, search, timeline, entity sidebar, filter chips) and
the article body; ``explorer.py`` the plain lookups the panes share (no Textual);
``render.py`` turns offsets into styled ``Content`` — corpus text never becomes
markup.
"""
