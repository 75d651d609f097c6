from django.urls import path

from insatsportal.participants.views import (
    activities,
    participants,
    privacy,
    progress,
    statistics,
    steps,
)

app_name = "participants"
urlpatterns = [
    path("", participants.participant_index, name="list"),
    path("insats/<int:pk>/", participants.intervention_participants, name="intervention"),
    path("insats/<int:pk>/sok/", participants.participant_search, name="search"),
    path("insats/<int:pk>/registrera/", participants.participant_register, name="register"),
    path("insats/<int:pk>/registrera-anonym/", participants.participant_register_anonymous,
         name="register_anonymous"),
    path("<uuid:pk>/", participants.participant_detail, name="detail"),
    path("<uuid:pk>/andra/", participants.participant_edit, name="edit"),
    path("<uuid:pk>/aterkalla-samtycke/", participants.consent_withdraw, name="consent_withdraw"),
    path("<uuid:pk>/skyddad-identitet/", participants.participant_protect, name="protect"),
    path("<uuid:pk>/samtycke/kopia/", participants.consent_scan, name="consent_scan"),
    path("<uuid:pk>/inskrivning/", steps.enrolment_edit, name="enrolment"),
    path("<uuid:pk>/utskrivning/", steps.discharge_edit, name="discharge"),
    path("<uuid:pk>/handlingsplan/", steps.plan_edit, name="plan"),
    path("<uuid:pk>/handlingsplan/revidera/", steps.plan_revise_view, name="plan_revise"),
    path("<uuid:pk>/progression/", progress.progress_view, name="progress"),
    path("<uuid:pk>/progression/ny/", progress.rating_create, name="rating_create"),
    path("<uuid:pk>/aktiviteter/ny/", activities.activity_create, name="activity_create"),
    path("insats/<int:pk>/aktiviteter/ny/", activities.group_activity_create,
         name="group_activity"),
    path("insats/<int:pk>/att-gora/", participants.participants_due, name="due"),
    path("statistik/", statistics.participant_statistics, name="statistics"),
    path("dataskydd/", privacy.privacy_overview, name="privacy"),
    path("dataskydd/registerutdrag/", privacy.register_extract_view, name="extract"),
]
