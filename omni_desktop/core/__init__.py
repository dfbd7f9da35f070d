"""The domain: the advanced request, channels, validation, SMS counting. No Qt, no I/O."""
