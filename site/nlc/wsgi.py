import gc
import sys
from pathlib import Path

# site/ must be importable before nlc is; nlc then adds the repository root too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from django.core.wsgi import get_wsgi_application  # noqa: E402

from nlc.environment import select_settings_module  # noqa: E402

select_settings_module()
application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the apps: about 185,000 objects) lives as long as
# the process. Moving it out of the garbage collector's reach spares the collections that run
# during requests from walking it again (bench/README.md, "bench_http.py"). With gunicorn's
# --preload it also keeps the forked workers' memory shared.
gc.freeze()
