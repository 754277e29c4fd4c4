"""The one base of every problem the app can put into words for the user.

Storage and services each raise their own kinds (a locked file, a refused
action), but a front end needs only one question answered: may this message be
shown as it is? Everything derived from :class:`UserFacingError` carries one
Danish sentence; anything else is a fault, shown with a general sentence.
"""


class UserFacingError(Exception):
    """A problem already phrased in Danish for the person at the keyboard."""
