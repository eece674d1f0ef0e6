from django.urls import path

from worksamples import views

app_name = "worksamples"

urlpatterns = [
    path("try/", views.index, name="index"),
    path("try/<slug:slug>/", views.sample, name="sample"),
    path("try/done/<slug:token>/", views.attempt, name="attempt"),
    path("try/done/<slug:token>/enjoy/", views.attempt_rate, name="attempt_rate"),
    path("try/done/<slug:token>/attach/", views.attempt_attach, name="attempt_attach"),
]
