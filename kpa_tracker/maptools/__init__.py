"""Map tools: they turn mouse and keys into calls of the core; no arithmetic here."""
