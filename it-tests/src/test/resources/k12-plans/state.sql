-- A state's rows for the query plan checks (QueryPlansIT), made in SQL in a copy of the suite's schema: @STUDENTS@
-- students (a multiple of 40 * 500) in 40 PSUs of 10 schools, grades -1 to 12, classes of 25 with one teacher each, an
-- LEA administrator per PSU; the rows Keycloak keeps for them (users, 6 attributes each, roles, class memberships,
-- passwords, badges for PreK-5) and the pack's (roster, sealed defaults, 25 regeneration requests per PSU, the targets
-- of one running request). Ids are random-looking UUIDs, as Keycloak's are. Realm 'plans'.
insert into realm (id, name) values ('plans', 'plans');
insert into keycloak_role (id, client_realm_constraint, client_role, name, realm_id, realm) values
    ('plans-student', 'plans', false, 'student', 'plans', 'plans'),
    ('plans-teacher', 'plans', false, 'teacher', 'plans', 'plans'),
    ('plans-lea-administrator', 'plans', false, 'lea-administrator', 'plans', 'plans'),
    ('plans-default-roles', 'plans', false, 'default-roles-plans', 'plans', 'plans');

create temporary table person as
select i,
       md5('student' || i)::uuid::text as id,
       'student' as kind,
       (100 + (i - 1) / (@STUDENTS@ / 40))::text as psu,
       (100 + (i - 1) / (@STUDENTS@ / 40))::text || lpad((((i - 1) % (@STUDENTS@ / 40)) / (@STUDENTS@ / 400))::text, 3, '0') as school,
       (((i - 1) % 500) / 36) - 1 as grade,
       (i - 1) / 25 as class_no,
       (9000000000 + i)::text as username,
       initcap(substr(md5('first' || (i % 997)), 1, 3 + i % 5)) as first_name,
       initcap(substr(md5('last' || (i % 1999)), 1, 4 + i % 6)) as last_name
from generate_series(1, @STUDENTS@) as i;
insert into person
select @STUDENTS@ + c + 1, md5('teacher' || c)::uuid::text, 'teacher', p.psu, p.school, null, c,
       't' || c, 'Teacher', initcap(substr(md5('t' || c), 1, 6))
from generate_series(0, @STUDENTS@ / 25 - 1) as c
join person p on p.i = c * 25 + 1;
insert into person
select 2 * @STUDENTS@ + a, md5('admin' || a)::uuid::text, 'admin', (100 + a)::text, null, null, null,
       'lea-admin.' || (100 + a), 'Lea', 'Administrator'
from generate_series(0, 39) as a;
create index on person (i);
analyze person;

insert into keycloak_group (id, name, parent_group, realm_id, type)
select 'psu-' || psu, 'psu-' || psu, ' ', 'plans', 0 from (select distinct psu from person where kind = 'student') g;
insert into keycloak_group (id, name, parent_group, realm_id, type)
select 'school-' || school, school, 'psu-' || psu, 'plans', 0 from (select distinct psu, school from person where kind = 'student') g;
insert into group_attribute (id, name, value, group_id)
select md5('ga' || school)::uuid::text, 'displayName', 'School ' || school, 'school-' || school
from (select distinct school from person where kind = 'student') g;
insert into keycloak_group (id, name, parent_group, realm_id, type)
select 'class-' || class_no, 'class-' || class_no, 'school-' || school, 'plans', 0 from person where kind = 'teacher';

insert into user_entity (id, email_verified, enabled, first_name, last_name, realm_id, username, created_timestamp, not_before)
select id, false, true, first_name, last_name, 'plans', username, 1767225600000 + i, 0 from person;

insert into user_attribute (id, name, value, user_id)
select md5(p.id || a.name)::uuid::text, a.name, a.value, p.id
from person p
cross join lateral (values ('studentNumber', case when p.kind = 'student' then p.username end),
                           ('staffId', case when p.kind <> 'student' then 'S' || p.i end),
                           ('psuCode', p.psu),
                           ('schoolCode', p.school),
                           ('gradeLevel', p.grade::text),
                           ('birthdate', '2015' || lpad((1 + p.i % 12)::text, 2, '0') || '15'),
                           ('claimed', 'true')) as a(name, value)
where a.value is not null;

insert into user_role_mapping (role_id, user_id)
select case kind when 'student' then 'plans-student' when 'teacher' then 'plans-teacher' else 'plans-lea-administrator' end, id
from person
union all
select 'plans-default-roles', id from person;

insert into user_group_membership (group_id, user_id, membership_type)
select 'class-' || class_no, id, 'UNMANAGED' from person where class_no is not null;

insert into credential (id, type, user_id, created_date, secret_data, credential_data, priority, version)
select md5('pw' || id)::uuid::text, 'password', id, 1767225600000,
       '{"value":"' || md5('hash' || id) || md5(id) || '","salt":"' || md5('salt' || id) || '","additionalParameters":{}}',
       '{"hashIterations":5,"algorithm":"argon2","additionalParameters":{"hashLength":["32"],"memory":["7168"],"type":["id"],"version":["1.3"],"parallelism":["1"]}}',
       10, 0
from person;
insert into credential (id, type, user_id, created_date, secret_data, credential_data, priority, version)
select md5('badge' || id)::uuid::text, 'k12-badge', id, 1767225600000,
       '{"sealed":"' || md5('sealed' || id) || md5(id) || '"}',
       '{"version":1,"issuedAt":1767225600000,"printedAt":1767225600000,"printedBy":"t' || class_no || '"}',
       20, 0
from person where kind = 'student' and grade <= 5;

insert into k12_roster (user_id, realm_id, psu, school, grade, last_key, first_key, username)
select id, 'plans', psu, school, grade, lower(last_name), lower(first_name), username from person where kind = 'student';

insert into k12_regen_request (id, version, realm_id, psu_code, campus_codes, grade_levels, reset_passwords, force_change,
                               requester_id, requester_username, status, targeted, regenerated, reset_count, failed,
                               created_at, started_at, finished_at)
select md5('request' || psu || n)::uuid::text, 0, 'plans', psu, '', '', false, false, md5('admin' || (psu::int - 100))::uuid::text,
       'lea-admin.' || psu, 'completed', @STUDENTS@ / 40, @STUDENTS@ / 40, 0, 0,
       1767225600000 + n * 86400000::bigint, 1767225600000 + n * 86400000::bigint, 1767225600000 + n * 86400000::bigint + 5000
from (select distinct psu from person where kind = 'student') g cross join generate_series(1, 25) as n;
-- the newest request of each PSU made its students' current defaults
insert into k12_default_password (user_id, realm_id, kid, sealed, request_id, created_at)
select id, 'plans', 'plans-aes', md5('default' || id) || md5(id), md5('request' || psu || 25)::uuid::text, 1767225600000
from person where kind = 'student';
-- PSU 100's request 26 is running: its targets are recorded
insert into k12_regen_request (id, version, realm_id, psu_code, campus_codes, grade_levels, reset_passwords, force_change,
                               requester_id, requester_username, status, targeted, regenerated, reset_count, failed,
                               created_at, started_at, heartbeat_at)
values (md5('request10026')::uuid::text, 0, 'plans', '100', '', '', true, false, md5('admin0')::uuid::text, 'lea-admin.100',
        'running', @STUDENTS@ / 40, 0, 0, 0, 1769817600000, 1769817600000, 1769817600000);
insert into k12_regen_target (request_id, user_id)
select md5('request10026')::uuid::text, id from person where kind = 'student' and psu = '100';
DROP TABLE person;
