from django.db import models
from django.utils.translation import gettext_lazy as _


class CodeList(models.Model):
    """A list of codes such as försörjning or education, kept as editable data."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("code list")
        verbose_name_plural = _("code lists")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CodeQuerySet(models.QuerySet):
    def current(self, key: str):
        return self.filter(code_list__key=key, is_active=True).order_by("order", "label")


class Code(models.Model):
    """One value of a code list, in one version.

    A code that records point to is never edited in place: a change makes a new
    version that supersedes it, and the old records keep the old meaning.
    """

    code_list = models.ForeignKey(CodeList, on_delete=models.PROTECT, related_name="codes",
                                  verbose_name=_("code list"))
    code = models.SlugField(_("code"), max_length=50)
    label = models.CharField(_("label"), max_length=200)
    group = models.CharField(_("group"), max_length=100, blank=True,
                             help_text=_("E.g. ohälsa, arbetsmarknadsstöd, ekonomiskt bistånd."))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    is_active = models.BooleanField(_("in use for new records"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codes")
        ordering = ["code_list", "order", "code", "version"]
        constraints = [
            models.UniqueConstraint(fields=["code_list", "code", "version"],
                                    name="code_version_unique"),
        ]

    def __str__(self):
        return self.label

    def is_in_use(self) -> bool:
        """Whether any record points to this code version (every model, hidden relations too)."""
        for relation in self._meta.get_fields(include_hidden=True):
            if not (relation.is_relation and relation.auto_created and not relation.concrete):
                continue
            model = relation.related_model
            if model is Code or model._meta.auto_created:
                continue
            if model._default_manager.filter(**{relation.field.name: self}).exists():
                return True
        return False
