"""structured_data: schema.org JSON-LD (Occupation, BreadcrumbList, WebSite) for search engines."""

from pelican import signals

from .hooks import add_filters, describe_content


def register():
    signals.generator_init.connect(add_filters)
    signals.all_generators_finalized.connect(describe_content)
