import TreCLI
TreCommand.main()
