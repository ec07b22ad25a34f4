import factory
from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from .models import BROKER_GROUP_NAME, User

TEST_PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    """A person who has verified their e-mail address and can sign in with TEST_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class BrokerFactory(UserFactory):
    @factory.post_generation
    def broker_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=BROKER_GROUP_NAME))


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True
