from django.urls import path

from careers import map_views, roadmap_views, views

app_name = "careers"

urlpatterns = [
    path("roles/", views.role_list, name="role_list"),
    path("roles/compare/", views.role_compare, name="role_compare"),
    path("roles/<slug:slug>/", views.role_detail, name="role_detail"),
    path("roles/<slug:slug>/roadmap/", roadmap_views.roadmap, name="roadmap"),
    path("certifications/", views.certification_list, name="certification_list"),
    path("certifications/<slug:slug>/", views.certification_detail, name="certification_detail"),
    path("career-map/", map_views.career_map, name="career_map"),
    path("about/data/", views.about_data, name="about_data"),
    path("glossary/", views.glossary, name="glossary"),
]
