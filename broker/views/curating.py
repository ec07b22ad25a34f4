"""The brokers' curating pages under /broker/: collections, their items and the home page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.errors import ActionRefused
from core.views import perform_and_redirect, perform_form
from visits.models import VisitOffer

from ..forms import (
    CollectionForm,
    FeatureArtefactForm,
    ItemForm,
    NoteForm,
    VisitOfferItemForm,
)
from ..models import Collection, CollectionItem, Feature
from ..permissions import can_curate, why_not_curate
from ..selectors.collections import (
    artefact_from_reference,
    collections_for_curating,
    items_for_curating,
    visit_offer_from_reference,
)
from ..services import collections as services
from ._common import refuse_unless


def _curator(request) -> None:
    refuse_unless(can_curate(request.user), why_not_curate(request.user))


@login_required
def dashboard(request):
    _curator(request)
    return render(request, "broker/curate/dashboard.html")


@login_required
def collections(request):
    _curator(request)
    return render(
        request, "broker/curate/collections.html", {"collections": collections_for_curating()}
    )


@login_required
def new_collection(request):
    _curator(request)
    form = CollectionForm(request.POST or None, request.FILES or None)
    done = perform_form(
        request,
        form,
        lambda _: services.create_collection(by=request.user, **form.service_arguments()),
        success=lambda collection: f"“{collection.title}” is saved as a draft: add its items.",
        to=lambda collection: reverse("broker:edit_collection", args=[collection.pk]),
    )
    return done or render(
        request,
        "broker/curate/collection_form.html",
        {"form": form, "title": "New collection"},
        status=400 if form.errors else 200,
    )


def _collection(request, collection_id) -> Collection:
    _curator(request)
    return get_object_or_404(Collection.objects.select_related("theme", "cover"), pk=collection_id)


def _details_form(collection, data=None, files=None) -> CollectionForm:
    return CollectionForm(
        data,
        files,
        has_cover=bool(collection.cover_id),
        initial={
            "title": collection.title,
            "theme": collection.theme,
            "introduction": collection.introduction,
            "cover_description": collection.cover_description,
        },
    )


def _edit_page(request, collection, *, form=None, item_form=None, offer_form=None):
    form = form or _details_form(collection)
    item_form = item_form or ItemForm()
    offer_form = offer_form or VisitOfferItemForm()
    return render(
        request,
        "broker/curate/collection_edit.html",
        {
            "collection": collection,
            "form": form,
            "item_form": item_form,
            "offer_form": offer_form,
            "items": items_for_curating(collection),
            "feature": Feature.objects.filter(collection=collection).first(),
            "add_item_url": reverse("broker:add_item", kwargs={"collection_id": collection.pk}),
            "add_offer_url": reverse(
                "broker:add_visit_offer_item", kwargs={"collection_id": collection.pk}
            ),
        },
        status=400 if form.errors or item_form.errors or offer_form.errors else 200,
    )


@login_required
def edit_collection(request, collection_id):
    collection = _collection(request, collection_id)
    form = _details_form(collection, request.POST or None, request.FILES or None)
    done = perform_form(
        request,
        form,
        lambda _: services.update_collection(
            collection=collection, by=request.user, **form.service_arguments()
        ),
        success="The collection is saved.",
        to="broker:edit_collection",
        collection_id=collection.pk,
    )
    return done or _edit_page(request, collection, form=form)


@login_required
@require_POST
def add_item(request, collection_id):
    collection = _collection(request, collection_id)
    form = ItemForm(request.POST)
    done = perform_form(
        request,
        form,
        lambda data: services.add_artefact(
            collection=collection,
            by=request.user,
            artefact=artefact_from_reference(data["artefact"]),
            note=data["note"],
        ),
        success="Added to the collection.",
        to="broker:edit_collection",
        collection_id=collection.pk,
    )
    return done or _edit_page(request, collection, item_form=form)


@login_required
@require_POST
def add_visit_offer_item(request, collection_id):
    collection = _collection(request, collection_id)
    form = VisitOfferItemForm(request.POST)
    done = perform_form(
        request,
        form,
        lambda data: services.add_visit_offer(
            collection=collection,
            by=request.user,
            offer=visit_offer_from_reference(data["visit_offer"]),
            note=data["note"],
        ),
        success="Added to the collection.",
        to="broker:edit_collection",
        collection_id=collection.pk,
    )
    return done or _edit_page(request, collection, offer_form=form)


def _item(request, collection_id, item_id) -> CollectionItem:
    _curator(request)
    item = CollectionItem.objects.filter(pk=item_id, collection_id=collection_id).first()
    if item is None:
        raise Http404("No such item.")
    return item


@login_required
@require_POST
def change_note(request, collection_id, item_id):
    item = _item(request, collection_id, item_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say why it is in the collection (up to 1,000 characters).")
        return redirect("broker:edit_collection", collection_id=collection_id)
    return perform_and_redirect(
        request,
        lambda: services.change_note(item=item, by=request.user, note=form.cleaned_data["note"]),
        success="The note is saved.",
        to="broker:edit_collection",
        collection_id=collection_id,
    )


@login_required
@require_POST
def move_item(request, collection_id, item_id):
    item = _item(request, collection_id, item_id)
    return perform_and_redirect(
        request,
        lambda: services.move_item(
            item=item, by=request.user, direction=request.POST.get("direction", "")
        ),
        success="Moved.",
        to="broker:edit_collection",
        collection_id=collection_id,
    )


@login_required
@require_POST
def remove_item(request, collection_id, item_id):
    item = _item(request, collection_id, item_id)
    return perform_and_redirect(
        request,
        lambda: services.remove_item(item=item, by=request.user),
        success="Removed from the collection.",
        to="broker:edit_collection",
        collection_id=collection_id,
    )


@login_required
@require_POST
def publish_collection(request, collection_id):
    collection = _collection(request, collection_id)
    publish = request.POST.get("publish") != "no"
    return perform_and_redirect(
        request,
        lambda: (services.publish_collection if publish else services.unpublish_collection)(
            collection=collection, by=request.user
        ),
        success="The collection is published." if publish else "The collection is a draft again.",
        to="broker:edit_collection",
        collection_id=collection.pk,
    )


@login_required
@require_POST
def feature_collection(request, collection_id):
    collection = _collection(request, collection_id)
    return perform_and_redirect(
        request,
        lambda: services.feature(by=request.user, collection=collection),
        success="The collection is featured on the home page.",
        to="broker:edit_collection",
        collection_id=collection.pk,
    )


# --- The home page ---------------------------------------------------------------------------


def _home_page(request, form, *, status=200):
    features = Feature.objects.select_related("collection", "artefact", "visit_offer").order_by(
        "position", "pk"
    )
    return render(
        request,
        "broker/curate/home.html",
        {"features": list(features), "form": form},
        status=status,
    )


@login_required
def home(request):
    _curator(request)
    form = FeatureArtefactForm(request.POST or None)
    done = perform_form(
        request,
        form,
        lambda data: _feature_artefact(by=request.user, reference=data["artefact"]),
        success=lambda artefact: f"“{artefact.title}” is featured on the home page.",
        to="broker:home",
    )
    return done or _home_page(request, form, status=400 if form.errors else 200)


def _feature_artefact(*, by, reference):
    artefact = artefact_from_reference(reference)
    if artefact is None:
        raise ActionRefused(field_errors={"artefact": "Give the address of a published artefact."})
    services.feature(by=by, artefact=artefact)
    return artefact


@login_required
@require_POST
def feature_visit_offer(request):
    """Feature a study-visit offer, given its number (the one in its address)."""
    _curator(request)
    number = request.POST.get("offer", "").strip().rstrip("/").rpartition("/")[2]
    offer = VisitOffer.objects.filter(pk=int(number)).first() if number.isdigit() else None
    if offer is None:
        messages.error(request, "Give the number of a study-visit offer (the one in its address).")
        return redirect("broker:home")
    return perform_and_redirect(
        request,
        lambda: services.feature(by=request.user, visit_offer=offer),
        success="The study visit is featured on the home page.",
        to="broker:home",
    )


@login_required
@require_POST
def move_feature(request, feature_id):
    _curator(request)
    return perform_and_redirect(
        request,
        lambda: services.move_feature(
            feature_id=feature_id, by=request.user, direction=request.POST.get("direction", "")
        ),
        success="Moved.",
        to="broker:home",
    )


@login_required
@require_POST
def unfeature(request, feature_id):
    _curator(request)
    return perform_and_redirect(
        request,
        lambda: services.unfeature(feature_id=feature_id, by=request.user),
        success="Taken off the home page.",
        to="broker:home",
    )
