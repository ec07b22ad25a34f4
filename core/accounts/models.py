from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property

BROKER_GROUP_NAME = "National brokers"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class WorkRole(models.TextChoices):
    """What a person does, asked when they first arrive (onboarding)."""

    TEACHER = "teacher", "Teacher"
    LEADER = "leader", "School leader"
    SUPPORT = "support", "Support staff"
    OTHER = "other", "Another role in a school"
    OUTSIDE = "outside", "I do not work in a school"


UNNAMED = "Unnamed member"


class User(AbstractUser):
    """A person: teacher, co-leader, critical friend or broker. They sign in with their e-mail."""

    username = None
    email = models.EmailField("e-mail address", unique=True)
    school = models.ForeignKey(
        "schools.School",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text="The school the person works in, from the register.",
    )
    work_role = models.CharField(
        "role", max_length=20, choices=WorkRole.choices, blank=True, default=""
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["first_name", "last_name", "email"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """How the person is shown to others: their name, never a part of their e-mail address."""
        return self.get_full_name() or UNNAMED

    @property
    def has_name(self) -> bool:
        return bool(self.first_name.strip() and self.last_name.strip())

    @property
    def needs_school(self) -> bool:
        return self.work_role != WorkRole.OUTSIDE

    @property
    def has_finished_onboarding(self) -> bool:
        """Name, role and (unless they work outside schools) school are all given."""
        return bool(self.has_name and self.work_role and (self.school_id or not self.needs_school))

    @cached_property
    def is_broker(self) -> bool:
        return self.groups.filter(name=BROKER_GROUP_NAME).exists()
