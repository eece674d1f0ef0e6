from django.urls import path

from assessments import counselor_views, print_views, privacy_views, views

app_name = "assessments"

urlpatterns = [
    path("quiz/", views.quiz, name="quiz"),
    path("quiz/results/<slug:token>/", views.result, name="result"),
    path("quiz/results/<slug:token>/hide/", views.result_hide, name="result_hide"),
    path("quiz/results/<slug:token>/map/", views.result_map, name="result_map"),
    path("quiz/results/<slug:token>/print/", print_views.result_print, name="result_print"),
    path("quiz/results/<slug:token>/delete/", privacy_views.result_delete_view, name="result_delete"),
    path("quiz/deleted/", privacy_views.result_deleted, name="result_deleted"),
    path("privacy/", privacy_views.privacy, name="privacy"),
    path("counselors/", counselor_views.cohort_list, name="cohort_list"),
    path("counselors/cohorts/new/", counselor_views.cohort_create, name="cohort_create"),
    path("counselors/cohorts/<int:pk>/", counselor_views.cohort_detail, name="cohort_detail"),
    path("counselors/cohorts/<int:pk>/print/", counselor_views.cohort_print, name="cohort_print"),
    path("counselors/cohorts/<int:pk>/map/", counselor_views.cohort_map, name="cohort_map"),
    path("counselors/cohorts/<int:pk>/export.csv", counselor_views.cohort_export, name="cohort_export"),
    path("counselors/cohorts/<int:pk>/delete/", counselor_views.cohort_delete, name="cohort_delete"),
    path("counselors/cohorts/<int:pk>/results/<slug:token>/", counselor_views.cohort_result, name="cohort_result"),
    path("counselors/cohorts/<int:pk>/results/<slug:token>/delete/", counselor_views.cohort_result_delete, name="cohort_result_delete"),
]
