"""Progress bars on stderr for the bulk loaders (tqdm, as `import_schools` uses)."""

from tqdm import tqdm


class Bar:
    """bar(n) advances by n; `done` is how far it has gone. Closed when it reaches its total."""

    def __init__(self, label: str, total: int, *, stream=None, enabled: bool = True):
        self.done = 0
        self.total = max(total, 0)
        self.bar = (
            tqdm(total=self.total, desc=label, unit=" rows", file=stream, dynamic_ncols=True)
            if enabled and self.total
            else None
        )

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            if self.done >= self.total:
                self.bar.close()
                self.bar = None
