"""The broker's reads. Each decides its query shape and runs a fixed number of queries."""
