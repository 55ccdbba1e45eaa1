from kemnaker_tui.cli import main

raise SystemExit(main())
