from visitguide.cli.entry import main

main()
