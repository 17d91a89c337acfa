"""Use cases over the store. Each takes an explicit Session; none imports Qt."""
