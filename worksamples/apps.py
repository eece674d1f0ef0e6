from django.apps import AppConfig


class WorksamplesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "worksamples"
    verbose_name = "Work samples and the ICD-10-CM code set"
