"""The application's use cases, Qt-free: the window's presenters and the CLI both call these.

targets (accounts and credentials built one way), preparing a send (validation with the
account's region and the scenario's flow), sending and settling (outbox and client, every
outcome mapped to a state), reports and status checks.
"""
