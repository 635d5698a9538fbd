"""Registrations only: the outdated-experiences report and the review-only publishing guard."""

from wagtail import hooks

from . import admin

hooks.register("register_admin_urls", admin.report_urls)
hooks.register("register_reports_menu_item", admin.report_menu_item)
hooks.register("construct_page_action_menu", admin.hide_direct_publish)
hooks.register("before_edit_page", admin.refuse_direct_publish_on_edit)
hooks.register("before_create_page", admin.refuse_direct_publish_on_create)
hooks.register("after_create_page", admin.protect_new_library)
