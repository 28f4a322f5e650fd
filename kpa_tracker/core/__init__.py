"""Core logic of the plugin: no widgets here, so it runs in tests, in Processing and headless."""
