"""The signed token in a digest's one-click unsubscribe link. It names the person and nothing
else; anyone holding it may stop that person's digest (and nothing more), without signing in."""

from django.core import signing

SALT = "broker.digest.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=SALT, compress=True)


def user_id_from(token: str) -> int | None:
    """The person the token was made for, or None for a token that is not ours or was altered."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None
