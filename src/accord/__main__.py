from accord.cli.main import main

raise SystemExit(main())
