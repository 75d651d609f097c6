from django.urls import path

from insatsportal.accounts import account_views, sso, user_views, views

app_name = "accounts"
urlpatterns = [
    path("logga-in/", views.login_view, name="login"),
    path("logga-ut/", views.logout_view, name="logout"),
    path("tvastegs/", views.otp_verify, name="otp_verify"),
    path("tvastegs/installera/", views.otp_setup, name="otp_setup"),
    path("tvastegs/reservkoder/", views.backup_codes, name="backup_codes"),
    path("tvastegs/reservkoder/nya/", views.backup_codes_create, name="backup_codes_create"),
    path("losenord/aterstall/", views.PasswordResetView.as_view(), name="password_reset"),
    path("losenord/aterstall/skickat/", views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("losenord/aterstall/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("losenord/aterstall/klart/", views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("", account_views.account, name="account"),
    path("bekrafta/", account_views.reauth, name="reauth"),
    path("e-post/", account_views.email_change, name="email_change"),
    path("losenord/", account_views.password_change, name="password_change"),
    path("sessioner/mina/", account_views.sessions_fragment, name="sessions_fragment"),
    path("sessioner/avsluta/", account_views.session_end, name="session_end"),
    path("sessioner/fortsatt/", account_views.session_keepalive, name="session_keepalive"),
    path("sessioner/", account_views.session_admin, name="session_admin"),
    path("sessioner/avsluta-alla/", account_views.user_sessions_end, name="user_sessions_end"),
    path("sso/", sso.sso_login, name="sso_login"),
    path("sso/tillbaka/", sso.sso_callback, name="sso_callback"),
    path("anvandare/", user_views.user_list, name="user_list"),
    path("anvandare/ny/", user_views.user_create, name="user_create"),
    path("anvandare/<int:pk>/", user_views.user_detail, name="user_detail"),
    path("anvandare/<int:pk>/roller/", user_views.user_roles, name="user_roles"),
    path("anvandare/<int:pk>/status/", user_views.user_status, name="user_status"),
]
