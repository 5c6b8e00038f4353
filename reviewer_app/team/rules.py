"""Who may read and change what on a team database, enforced by PostgreSQL itself.

`team setup` installs these rules (and installs them again after an upgrade); they hold
for any client that connects, not only for this program:

- An assessor's login reads the submissions assigned to it (and those it has reviewed)
  with their evidence and decisions, and its own reviews, scores, comments and
  annotations: never another reviewer's (row-level security). It writes only its own
  reviews, and only while they are open: a submitted review, a decision, the audit
  trail and another person's rows are out of its reach.
- A lead's login reads and writes everything the program keeps (the trail's past
  excepted, which nobody changes).
- While blind review is on, an assessor's login cannot read earners' names, emails or
  ids, nor the file names bundles came in (column privileges, switched by a trigger
  whenever the setting changes, whoever changes it).
- An audit entry must name as its actor the person of the login that writes it (or no
  person at all, such as "system"), and must continue the chain where it stands: the
  server serializes appends, so the trail stays one chain even for a client that does
  not take the program's trail turn.

The functions are SECURITY DEFINER (they run as the owner who ran `team setup`) so that
a trigger or policy can read what its caller may not; each pins its search_path. The
one exception, `reviewer_app_edit_score`, runs as its caller: it only saves round
trips, and names its tables with their schema. The
policies ask who the session's person is in place, once a statement (see `_ME`). See
docs/team.md.
"""

from __future__ import annotations

ASSESSOR_GROUP = "reviewer_app_assessor"
LEAD_GROUP = "reviewer_app_lead"

# Columns that name the earner (a loose bundle's submission id is the earner's name as
# well: docs/team.md says to import bundles with manifests for blind review).
BLIND_COLUMNS = {
    "earners": ("name", "email", "external_id"),
    "submissions": ("earner_name", "earner_email", "source_name"),
}

# Tables an assessor's login has no business reading at all.
LEAD_ONLY = (
    "issuers",
    "issuer_keys",
    "issued_credentials",
)
# What an assessor's `team checkout` and `team sync` record on the server: its packet,
# the packet's assignment to it, its return, and any conflict its return raised (the
# packet and return code, reused). Rows other than its own are out of its sight.
OFFLINE_TABLES = ("packets", "packet_assignments", "packet_returns", "review_conflicts")

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION reviewer_app_me() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT id FROM reviewers WHERE login = session_user
$$;

CREATE OR REPLACE FUNCTION reviewer_app_my_name() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT name FROM reviewers WHERE login = session_user
$$;

CREATE OR REPLACE FUNCTION reviewer_app_submitted_reviews(submission integer)
RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*)::integer FROM reviews
    WHERE submission_id = submission AND submitted_at IS NOT NULL
$$;

CREATE OR REPLACE FUNCTION reviewer_app_apply_blind() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    blind boolean;
    shown text;
    tab text;
BEGIN
    SELECT coalesce((value::jsonb ->> 'value')::boolean, false) INTO blind
    FROM folder_settings WHERE key = 'review.blind';
    FOREACH tab IN ARRAY ARRAY['earners', 'submissions'] LOOP
        EXECUTE format('REVOKE SELECT ON %I FROM {ASSESSOR_GROUP}', tab);
        IF coalesce(blind, false) THEN
            SELECT string_agg(quote_ident(column_name), ', ') INTO shown
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = tab
              AND NOT (tab = 'earners' AND column_name IN
                       ({", ".join(f"'{c}'" for c in BLIND_COLUMNS["earners"])}))
              AND NOT (tab = 'submissions' AND column_name IN
                       ({", ".join(f"'{c}'" for c in BLIND_COLUMNS["submissions"])}));
            EXECUTE format('GRANT SELECT (%s) ON %I TO {ASSESSOR_GROUP}', shown, tab);
        ELSE
            EXECUTE format('GRANT SELECT ON %I TO {ASSESSOR_GROUP}', tab);
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION reviewer_app_blind_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM reviewer_app_apply_blind();
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reviewer_app_audit_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    person text;
    last_seq integer;
    last_hash text;
BEGIN
    SELECT name INTO person FROM reviewers WHERE login = session_user;
    IF person IS NOT NULL AND NEW.actor <> person
       AND EXISTS (SELECT 1 FROM reviewers WHERE name = NEW.actor) THEN
        RAISE EXCEPTION 'reviewer_app: the login % is %, not %',
            session_user, person, NEW.actor USING ERRCODE = '42501';
    END IF;
    -- Appends take turns (the trail turn, held to the commit), and the server links
    -- each entry where the chain stands, whatever the client sent: number, previous
    -- hash, and the hash of audit.trail.entry_hash (the previous hash, a newline and
    -- the fields as canonical JSON: no spaces, strings escaped as to_json does, which
    -- is what the program's canonical_json writes). Waiting for the head in the
    -- program would hold the turn over round trips to it.
    PERFORM pg_advisory_xact_lock({{lock}});
    SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := encode(sha256(convert_to(
        NEW.prev_hash || chr(10) || '[' || NEW.seq::text
        || ',' || to_json(NEW.at::text)::text || ',' || to_json(NEW.actor::text)::text
        || ',' || to_json(NEW.action::text)::text || ',' || to_json(NEW.entity::text)::text
        || ',' || to_json(NEW.entity_id::text)::text || ',' || to_json(NEW.before)::text
        || ',' || to_json(NEW.after)::text || ']', 'UTF8')), 'hex');
    RETURN NEW;
END $$;

-- An edit of one score of an open review, as the program saves a level or a comment
-- (reviewer_app/reviews/score_edit.py): the review's row locked, the stored value read
-- after the lock, and the score written only if it changes. One call in the message
-- that begins the transaction, its statements planned once a session, where sent one by
-- one they cost a round trip each. It runs as its caller (SECURITY INVOKER): the
-- policies hold for it as for the statements it replaces.
CREATE OR REPLACE FUNCTION reviewer_app_edit_score(
    edited integer, criterion text, field text, new_value text, at timestamp
) RETURNS TABLE (is_open boolean, stored_value text)
LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
    before text;
BEGIN
    PERFORM 1 FROM public.reviews r
    WHERE r.id = edited AND r.submitted_at IS NULL FOR UPDATE OF r;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, NULL::text;
        RETURN;
    END IF;
    IF field = 'level' THEN
        SELECT s.level_id INTO before FROM public.criterion_scores s
        WHERE s.review_id = edited AND s.criterion_id = criterion;
        IF before IS DISTINCT FROM new_value THEN
            INSERT INTO public.criterion_scores AS s (review_id, criterion_id, level_id, updated_at)
            VALUES (edited, criterion, new_value, at)
            ON CONFLICT (review_id, criterion_id)
            DO UPDATE SET level_id = EXCLUDED.level_id, updated_at = EXCLUDED.updated_at;
        END IF;
    ELSIF field = 'comment' THEN
        SELECT s.comment INTO before FROM public.criterion_scores s
        WHERE s.review_id = edited AND s.criterion_id = criterion;
        IF coalesce(before, '') IS DISTINCT FROM new_value THEN
            INSERT INTO public.criterion_scores AS s (review_id, criterion_id, comment, updated_at)
            VALUES (edited, criterion, new_value, at)
            ON CONFLICT (review_id, criterion_id)
            DO UPDATE SET comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at;
        END IF;
    ELSE
        RAISE EXCEPTION 'reviewer_app: no score field %', field;
    END IF;
    RETURN QUERY SELECT true, before;
END $$;
"""

_TRIGGERS = """
DROP TRIGGER IF EXISTS folder_settings_blind ON folder_settings;
CREATE TRIGGER folder_settings_blind AFTER INSERT OR UPDATE OR DELETE ON folder_settings
    FOR EACH STATEMENT EXECUTE FUNCTION reviewer_app_blind_changed();
DROP TRIGGER IF EXISTS audit_events_continue_chain ON audit_events;
CREATE TRIGGER audit_events_continue_chain BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION reviewer_app_audit_append();
"""

# (table, policy name, command, USING, WITH CHECK) for assessors. Subqueries on tables
# that have policies of their own see only what the assessor sees, so "my reviews" is
# simply `SELECT id FROM reviews`.
# The person asked once a statement (a subquery the planner runs first), not once a row,
# and read in place rather than through reviewer_app_me(): a SECURITY DEFINER function
# with its own search_path is never inlined, and its call cost more than the rest of a
# save's checks. Every login reads the reviewers; a policy's tables are bound when it is
# made, so no temporary table of a session's can stand in for them (tested).
_ME = "(SELECT id FROM public.reviewers WHERE login = session_user)"
_MY_NAME = "(SELECT name FROM public.reviewers WHERE login = session_user)"
_MINE = f"reviewer_id = {_ME}"
_ASSIGNED = "(SELECT submission_id FROM assignments)"
_READABLE = f"(id IN {_ASSIGNED} OR id IN (SELECT submission_id FROM reviews))"
# Open: not submitted, or submitted by this very transaction (a return, or a sync,
# records a finished review with its scores at once); never one submitted before.
_OWN_OPEN = (
    "review_id IN (SELECT id FROM reviews WHERE submitted_at IS NULL "
    "OR xmin = pg_current_xact_id()::xid)"
)
_ASSESSOR_POLICIES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("assignments", "own", "SELECT", _MINE, None),
    ("submissions", "assigned", "SELECT", _READABLE, None),
    ("submissions", "assigned_status", "UPDATE", f"id IN {_ASSIGNED}", f"id IN {_ASSIGNED}"),
    ("evidence_items", "assigned", "SELECT", "submission_id IN (SELECT id FROM submissions)", None),
    ("reviews", "own", "SELECT", _MINE, None),
    ("reviews", "own_new", "INSERT", None, f"{_MINE} AND submission_id IN {_ASSIGNED}"),
    ("reviews", "own_open", "UPDATE", f"{_MINE} AND submitted_at IS NULL", _MINE),
    ("criterion_scores", "own", "SELECT", "review_id IN (SELECT id FROM reviews)", None),
    ("criterion_scores", "own_new", "INSERT", None, _OWN_OPEN),
    ("criterion_scores", "own_open", "UPDATE", _OWN_OPEN, _OWN_OPEN),
    ("criterion_scores", "own_gone", "DELETE", _OWN_OPEN, None),
    ("annotations", "own", "SELECT", "review_id IN (SELECT id FROM reviews)", None),
    ("annotations", "own_new", "INSERT", None, _OWN_OPEN),
    ("annotations", "own_open", "UPDATE", _OWN_OPEN, _OWN_OPEN),
    ("annotations", "own_gone", "DELETE", _OWN_OPEN, None),
    ("decisions", "assigned", "SELECT", "submission_id IN (SELECT id FROM submissions)", None),
    # The bytes of the files it may read: its submissions' evidence and thumbnails, and
    # the definitions' and pathways' images.
    (
        "blob_chunks",
        "readable",
        "SELECT",
        "sha256 IN (SELECT blob_sha256 FROM evidence_items) "
        "OR sha256 IN (SELECT thumbnail_sha256 FROM evidence_items) "
        "OR sha256 IN (SELECT image_sha256 FROM definitions) "
        "OR sha256 IN (SELECT image_sha256 FROM pathways)",
        None,
    ),
    ("packet_assignments", "own", "SELECT", f"reviewer = {_MY_NAME}", None),
    ("packet_assignments", "own_new", "INSERT", None, f"reviewer = {_MY_NAME}"),
    ("packet_returns", "own", "SELECT", f"reviewer = {_MY_NAME}", None),
    ("packet_returns", "own_new", "INSERT", None, f"reviewer = {_MY_NAME}"),
    ("review_conflicts", "own", "SELECT", f"reviewer = {_MY_NAME}", None),
    ("review_conflicts", "own_new", "INSERT", None, f"reviewer = {_MY_NAME}"),
    # The decision its own submitted review settles, where it is the only review.
    (
        "decisions",
        "own_review",
        "INSERT",
        None,
        "decided_by IS NULL AND review_id IN (SELECT id FROM reviews WHERE submitted_at "
        "IS NOT NULL) AND reviewer_app_submitted_reviews(submission_id) = 1",
    ),
)
# Deleting and updating decisions, reviews' deletion: granted (a statement the review
# flow runs may name them) but matched by no assessor policy, so they touch no row.
_RLS_TABLES = sorted({p[0] for p in _ASSESSOR_POLICIES})
# A lead's decision is their own: an adjudication names the lead who made it.
_LEAD_DECISIONS = f"decided_by IS NULL OR decided_by = {_ME}"


def statements(database: str, lock_key: int) -> list[str]:
    """Everything `team setup` runs after the schema is at head, in order."""
    both = f"{ASSESSOR_GROUP}, {LEAD_GROUP}"
    out = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {both}',
        f"GRANT USAGE ON SCHEMA public TO {both}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {both}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {LEAD_GROUP}",
        f"REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public FROM {ASSESSOR_GROUP}",
        f"REVOKE SELECT ON {', '.join(LEAD_ONLY)} FROM {ASSESSOR_GROUP}",
        f"GRANT INSERT, UPDATE ON reviews, criterion_scores, annotations TO {ASSESSOR_GROUP}",
        f"GRANT DELETE ON criterion_scores, annotations, decisions TO {ASSESSOR_GROUP}",
        f"GRANT INSERT ON decisions TO {ASSESSOR_GROUP}",
        f"GRANT SELECT, INSERT ON {', '.join(OFFLINE_TABLES)} TO {ASSESSOR_GROUP}",
        f"GRANT UPDATE (status) ON submissions TO {ASSESSOR_GROUP}",
        # The trail: appended to by everyone, changed by nobody (triggers refuse it
        # even to the owner). An assessor reads only where the chain stands.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {both}",
        f"REVOKE SELECT ON audit_events FROM {ASSESSOR_GROUP}",
        f"GRANT SELECT (id, seq, hash) ON audit_events TO {ASSESSOR_GROUP}",
        f"GRANT INSERT ON audit_events TO {both}",
        _FUNCTIONS.replace("{lock}", str(lock_key)),
        _TRIGGERS,
    ]
    for function in (
        "reviewer_app_me()",
        "reviewer_app_my_name()",
        "reviewer_app_submitted_reviews(integer)",
        "reviewer_app_apply_blind()",
        "reviewer_app_edit_score(integer, text, text, text, timestamp)",
    ):
        out.append(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
        out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {both}")
    out.append(f"REVOKE EXECUTE ON FUNCTION reviewer_app_apply_blind() FROM {ASSESSOR_GROUP}")
    for table in _RLS_TABLES:
        out.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        out.append(f"DROP POLICY IF EXISTS lead_all ON {table}")
        lead_check = _LEAD_DECISIONS if table == "decisions" else "true"
        out.append(
            f"CREATE POLICY lead_all ON {table} TO {LEAD_GROUP} "
            f"USING (true) WITH CHECK ({lead_check})"
        )
    for table, name, command, using, check in _ASSESSOR_POLICIES:
        out.append(f"DROP POLICY IF EXISTS assessor_{name} ON {table}")
        clauses = f" USING ({using})" if using else ""
        clauses += f" WITH CHECK ({check})" if check else ""
        out.append(
            f"CREATE POLICY assessor_{name} ON {table} FOR {command} TO {ASSESSOR_GROUP}{clauses}"
        )
    out.append("SELECT reviewer_app_apply_blind()")
    return out
