"""The ``roster`` command line (argparse, standard library only); see ``app.cli.main``."""
