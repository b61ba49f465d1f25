"""Finding the page a URL names in two queries, whatever its depth.

Wagtail's `Page.route` walks the path one level at a time: a query for the child with the
next slug, then one for its specific type, so a case study five levels down costs ten
queries before its own content is read. `route_below` reads every page the path can pass
through in one query (and the ancestors above the starting page with it), walks them in
memory, and reads only the page served in its specific type. It keeps Wagtail's rules:
a page with routes of its own (`RoutablePageMixin`) is asked first, the pages on the way
need not be live, and the page served must be.

The pages on the way are kept on the page served (`route_ancestors`), so that serving it
checks the reader rule and the view restrictions, and draws the breadcrumbs, from them
rather than reading them again.
"""

from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction


class OneQueryRoutingMixin:
    """Gives a page type `route_below` as its routing, and has serving it reuse the pages
    routing read. `network_site.pages.SitePage` is the only user."""

    def route(self, request, path_components):
        if path_components:
            return route_below(self, request, path_components)
        if known_ancestors(self) is None:  # The site's root page, served itself.
            self.route_ancestors = list(
                Page.objects.filter(path__in=paths_above(self)).order_by("depth")
            )
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """Wagtail's, from the pages above read by routing when it has (none of them an
        alias, whose restrictions are its source page's)."""
        ancestors = known_ancestors(self)
        if ancestors is None or any(page.alias_of_id for page in [self, *ancestors]):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.filter(
            page_id__in=[self.pk, *(page.pk for page in ancestors)]
        )


def route_below(page, request, path_components):
    """Route `path_components` below `page` (which must not be empty): the `RouteResult` of
    the page they name, or Http404."""
    steplen = Page.steplen
    candidates = Page.objects.filter(
        Q(path__in=paths_above(page))
        | Q(
            path__startswith=page.path,
            depth__gt=page.depth,
            depth__lte=page.depth + len(path_components),
            slug__in=set(path_components),
        )
    )
    ancestors, children = [], {}
    for candidate in candidates:
        if candidate.depth < page.depth:
            ancestors.append(candidate)
        else:
            children[candidate.path[:-steplen], candidate.slug] = candidate
    ancestors.sort(key=lambda ancestor: ancestor.depth)
    ancestors.append(page)

    current = page
    for index, slug in enumerate(path_components):
        child = children.get((current.path, slug))
        if child is None:
            raise Http404
        child._cached_parent_obj = current
        remaining = path_components[index + 1 :]
        model = child.specific_class
        if model is None or (remaining and decides_itself(model, child, remaining)):
            return served(child, model, ancestors).route(request, remaining)
        if remaining:
            ancestors.append(child)
        current = child
    return served(current, current.specific_class, ancestors).route(request, [])


def paths_above(page):
    """The paths of the pages above `page`, from the tree's root down."""
    return [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]


def decides_itself(model, page, remaining):
    """Whether `page` routes `remaining` itself rather than to a child: it has a route that
    matches them (a live `RoutablePageMixin` page), or routing of another kind."""
    if model.route in (OneQueryRoutingMixin.route, Page.route):
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return False
    return True


def served(page, model, ancestors):
    """`page` in its specific type, with what its template reads through foreign keys
    (`select_related_when_served`), its parent and the pages above it."""
    if model is None:
        specific = page
    else:
        related = getattr(model, "select_related_when_served", ())
        specific = model._default_manager.select_related(*related).get(pk=page.pk)
    specific._cached_parent_obj = ancestors[-1]
    specific.route_ancestors = ancestors
    return specific


def known_ancestors(page):
    """The pages above `page`, from the tree's root down, when routing read them; else None."""
    return getattr(page, "route_ancestors", None)
