from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm

from django import forms

from .claims import is_claimed
from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name"]
        labels = {"first_name": "First name", "last_name": "Last name"}


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, except that an address other accounts only listed unverified is free
    for its owner to sign up with (see core.accounts.claims)."""

    def validate_unique_email(self, value):
        if not is_claimed(value):
            self.account_already_exists = False
            return get_adapter().validate_unique_email(value)
        return super().validate_unique_email(value)
