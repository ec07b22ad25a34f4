import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from django.core.wsgi import get_wsgi_application  # noqa: E402

from nlc.environment import select_settings_module  # noqa: E402

select_settings_module()
application = get_wsgi_application()
