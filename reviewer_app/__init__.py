"""Portfolio Reviewer: score micro-credential evidence portfolios offline."""

APP_NAME = "Portfolio Reviewer"


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("portfolio-reviewer")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
