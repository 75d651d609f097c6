"""View decorators that ask the policy module; the one place views check access."""

import functools

from django.core.exceptions import PermissionDenied


def require(capability):
    """Deny with 403 unless `capability(request.user)` is true."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if not capability(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
