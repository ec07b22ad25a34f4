"""Pages for proposing networks and for co-leaders managing people, schools and decisions.

Views fetch with `networks.permissions.network_for_user_or_404`, ask networks.permissions (a 403
shows the `why_not_*` message), call networks.services and report the outcome with core.views;
state changes are POST-only with CSRF, and a refused action shows the service's message.
"""
