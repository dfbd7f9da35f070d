"""Campaigns in the window: the presenter over `services.campaigns`, the progress bar with
Pause, Resume and Cancel, the resume offer after a crash, the test send and the fallbacks."""
