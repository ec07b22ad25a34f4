"""Pages for proposing networks and for co-leaders managing people, schools and decisions.

Views fetch, ask networks.permissions, call networks.services and report the outcome; state
changes are POST-only with CSRF, and a refused action shows the service's message.
"""
