"""One module per part of the site; each has a `router`."""
