-- Query side: a search for text anywhere in a name ("sam ngoc linh" in "Hồng sâm Ngọc Linh Tu Mơ Rông") is a
-- `like '%…%'` that a b-tree cannot serve; trigram indexes let it read only the rows that can match instead of
-- every product and subject. pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may
-- create it (on a server where the service's user may not, an administrator creates it once beforehand).
create extension if not exists pg_trgm;
create index product_register_search_trgm_idx on product_register using gin (search_text gin_trgm_ops);
create index subject_view_search_trgm_idx on subject_view using gin (search_text gin_trgm_ops);

-- The register filtered by stars (the certified products of a rank), in its default order by name: read in order
-- from the index instead of sorting every product of that rank for each page.
create index product_register_stars_name_idx on product_register (stars, search_text, product_id);
