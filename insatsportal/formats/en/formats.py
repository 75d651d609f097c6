# The English interface keeps the Swedish date and number conventions: the data is Swedish.
from insatsportal.formats.sv.formats import *  # noqa: F403
