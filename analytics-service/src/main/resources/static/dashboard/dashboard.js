// OneGrid dashboard: reads the analytics API and refreshes every 15 s. Chinese by default, English on request.
(function () {
    'use strict';
    const API = '/api/analytics';
    const REFRESH_MS = 15000;
    const TEXT = {
        zh: {
            title: '三亚网格治理数据看板', completion: '办结率', onTime: '按时办结率', satisfaction: '满意率',
            overdue: '超期未办结', received: '受理工单', trend: '每日工单趋势', byDistrict: '各区对比',
            byDepartment: '职能部门对比', league: '述职评议排名', rank: '名次', unit: '单位', score: '得分',
            updated: '更新于', switchTo: 'English', resolved: '办结', accepted: '受理',
            visitors: '党群服务中心到访人次', wishRate: '微心愿实现率', claimHours: '微心愿平均认领时长（小时）',
            volunteerHours: '志愿服务时长', gaps: '15分钟服务圈盲点', map: '三亚党群服务中心与15分钟服务圈',
            tide: '候鸟人才潮汐（每月在琼人数）', centres: '党群服务中心', circles: '15分钟步行圈', gapPoints: '服务盲点',
            openTickets: '未办结工单', present: '在琼人数', peak: '旺季（10月–次年5月）', lon: '经度', lat: '纬度',
            expertise: {medicine: '医疗卫生', education: '教育', agriculture: '农业', technology: '科技',
                culture: '文化', law: '法律', finance: '金融', other: '其他'},
            districts: {HT: '海棠区', JY: '吉阳区', TY: '天涯区', YZ: '崖州区', YC: '育才生态区', UNKNOWN: '未分类'}
        },
        en: {
            title: 'Sanya grid governance dashboard', completion: 'Completion rate', onTime: 'On-time rate',
            satisfaction: 'Satisfaction rate', overdue: 'Open overdue', received: 'Tickets received',
            trend: 'Tickets per day', byDistrict: 'Districts compared', byDepartment: 'Departments compared',
            league: 'Accountability league table', rank: 'Rank', unit: 'Unit', score: 'Score', updated: 'Updated',
            switchTo: '中文', resolved: 'Resolved', accepted: 'Accepted',
            visitors: 'Centre visitors', wishRate: 'Micro-wishes fulfilled', claimHours: 'Mean hours to claim a wish',
            volunteerHours: 'Volunteer hours', gaps: '15-minute coverage gaps',
            map: 'Party-and-public service centres and their 15-minute circles', tide: 'Snowbird talent tide (present per month)',
            centres: 'Centres', circles: '15-minute walk', gapPoints: 'Coverage gaps', openTickets: 'Open tickets',
            present: 'Present', peak: 'Peak season (Oct–May)', lon: 'Longitude', lat: 'Latitude',
            expertise: {medicine: 'Medicine', education: 'Education', agriculture: 'Agriculture',
                technology: 'Technology', culture: 'Culture', law: 'Law', finance: 'Finance', other: 'Other'},
            districts: {HT: 'Haitang', JY: 'Jiyang', TY: 'Tianya', YZ: 'Yazhou', YC: 'Yucai', UNKNOWN: 'Unclassified'}
        }
    };
    let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
    const charts = {};
    let last = null;

    function t(key) { return TEXT[lang][key]; }
    function unitName(code) { return TEXT[lang].districts[code] || code; }
    function percent(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2) + '%'; }

    async function get(path) {
        const response = await fetch(API + path, {headers: {Accept: 'application/json'}});
        if (!response.ok) { throw new Error(path + ': ' + response.status); }
        return response.json();
    }

    function applyLanguage() {
        document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
        document.title = 'OneGrid ' + t('title');
        document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
        document.getElementById('lang').textContent = t('switchTo');
        if (last) { render(last); }
    }

    function chart(id) {
        if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
        return charts[id];
    }

    function bars(id, rows) {
        chart(id).setOption({
            animation: false, tooltip: {}, legend: {data: [t('completion'), t('satisfaction')]},
            xAxis: {type: 'category', data: rows.map(r => unitName(r.key))},
            yAxis: {type: 'value', max: 100},
            series: [
                {name: t('completion'), type: 'bar', data: rows.map(r => r.figures.completionRate)},
                {name: t('satisfaction'), type: 'bar', data: rows.map(r => r.figures.satisfactionRate)}
            ]
        }, true);
    }

    function expertiseName(code) { return TEXT[lang].expertise[code] || code; }

    // A circle of the given straight-line radius around a centre, as a polygon in degrees (a degree of longitude
    // is shorter than one of latitude by cos(latitude)).
    function circle(lat, lon, metres) {
        const dLat = metres / 111320;
        const dLon = dLat / Math.cos(lat * Math.PI / 180);
        const points = [];
        for (let i = 0; i <= 36; i++) {
            const a = i * Math.PI / 18;
            points.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
        }
        return points;
    }

    function renderActivity(activity) {
        const c = activity.centres;
        document.getElementById('kpi-visitors').textContent = c ? c.visitors : '–';
        document.getElementById('kpi-wish-rate').textContent = percent(c && c.wishes.fulfilmentRate);
        document.getElementById('kpi-claim-hours').textContent =
            c && c.wishes.meanHoursToClaim !== null ? Number(c.wishes.meanHoursToClaim).toFixed(2) : '–';
        document.getElementById('kpi-volunteer-hours').textContent = c ? Number(c.volunteerHours).toFixed(2) : '–';
        document.getElementById('kpi-gaps').textContent = c ? c.coverageGaps : '–';
        const map = activity.map;
        if (map) {
            const maxOpen = Math.max(1, ...map.districts.map(d => d.openTickets));
            chart('chart-map').setOption({
                animation: false, tooltip: {trigger: 'item'}, grid: {top: 60, bottom: 40, left: 60, right: 80},
                legend: {data: [t('centres'), t('circles'), t('gapPoints'), t('openTickets')]},
                xAxis: {type: 'value', name: t('lon'), min: 108.95, max: 109.85, scale: true},
                yAxis: {type: 'value', name: t('lat'), min: 18.15, max: 18.55, scale: true},
                series: [
                    {name: t('circles'), type: 'lines', coordinateSystem: 'cartesian2d', polyline: true, silent: true,
                        lineStyle: {color: '#2e7d32', width: 1, opacity: 0.7},
                        data: map.centers.map(x => ({coords: circle(x.lat, x.lon, map.reachMetres)}))},
                    {name: t('centres'), type: 'scatter', symbolSize: 7, itemStyle: {color: '#b71c1c'},
                        data: map.centers.map(x => ({name: x.name, value: [x.lon, x.lat]}))},
                    {name: t('gapPoints'), type: 'scatter', symbol: 'triangle', symbolSize: 12,
                        itemStyle: {color: '#ef6c00'},
                        data: map.gaps.map(g => ({name: g.name, value: [g.lon, g.lat]}))},
                    {name: t('openTickets'), type: 'scatter', itemStyle: {color: 'rgba(21,101,192,0.45)'},
                        symbolSize: v => 14 + 36 * v[2] / maxOpen,
                        label: {show: true, position: 'right', color: '#1d2733', fontWeight: 'bold',
                            formatter: p => unitName(p.data.district) + ' ' + p.value[2]},
                        data: map.districts.map(d => ({name: unitName(d.district), district: d.district,
                            value: [d.lon, d.lat, d.openTickets]}))}
                ]
            }, true);
            document.getElementById('chart-map').dataset.centres = String(map.centers.length);
        }
        const talent = activity.talent;
        if (talent) {
            const months = talent.tide.map(m => m.month);
            const areas = [...new Set(talent.tide.flatMap(m => Object.keys(m.byExpertise)))].sort();
            chart('chart-tide').setOption({
                animation: false, tooltip: {trigger: 'axis'},
                legend: {data: [t('present')].concat(areas.map(expertiseName))},
                xAxis: {type: 'category', data: months},
                yAxis: {type: 'value', minInterval: 1},
                series: [{name: t('present'), type: 'line', data: talent.tide.map(m => m.present),
                    markArea: {silent: true, itemStyle: {color: 'rgba(255,193,7,0.12)'},
                        data: talent.tide.filter(m => m.peakSeason).map(m => [{xAxis: m.month}, {xAxis: m.month}])}}]
                    .concat(areas.map(a => ({name: expertiseName(a), type: 'bar', stack: 'expertise',
                        data: talent.tide.map(m => m.byExpertise[a] || 0)})))
            }, true);
            document.getElementById('chart-tide').dataset.months = String(months.length);
        }
        document.body.dataset.activityLoaded = 'true';
    }

    function render(data) {
        const all = data.overall.rows.length ? data.overall.rows[0].figures : null;
        document.getElementById('kpi-completion').textContent = percent(all && all.completionRate);
        document.getElementById('kpi-ontime').textContent = percent(all && all.solutionOnTimeRate);
        document.getElementById('kpi-satisfaction').textContent = percent(all && all.satisfactionRate);
        document.getElementById('kpi-overdue').textContent = all ? all.openOverdue : '–';
        document.getElementById('kpi-received').textContent = all ? all.received : '–';
        document.getElementById('updated').textContent = t('updated') + ' ' + new Date().toLocaleTimeString(
            lang === 'zh' ? 'zh-CN' : 'en-GB', {timeZone: 'Asia/Shanghai'});
        chart('chart-trend').setOption({
            animation: false, tooltip: {trigger: 'axis'}, legend: {data: [t('received'), t('resolved')]},
            xAxis: {type: 'category', data: data.trend.rows.map(r => r.period)},
            yAxis: {type: 'value'},
            series: [
                {name: t('received'), type: 'line', data: data.trend.rows.map(r => r.figures.received)},
                {name: t('resolved'), type: 'line', data: data.trend.rows.map(r => r.figures.resolved)}
            ]
        }, true);
        bars('chart-district', data.districts.rows);
        bars('chart-department', data.departments.rows);
        const body = document.querySelector('#league tbody');
        body.innerHTML = '';
        data.league.forEach(row => {
            const tr = document.createElement('tr');
            [row.rank, unitName(row.unit), row.score, percent(row.figures.completionRate),
                percent(row.figures.satisfactionRate)].forEach(v => {
                const td = document.createElement('td');
                td.textContent = v;
                tr.appendChild(td);
            });
            body.appendChild(tr);
        });
        document.body.dataset.loaded = 'true';
        if (data.activity) { renderActivity(data.activity); }
    }

    async function refresh() {
        try {
            const [overall, trend, districts, departments, league] = await Promise.all([
                get('/tickets/figures'), get('/tickets/figures?period=DAY'), get('/tickets/figures?groupBy=DISTRICT'),
                get('/tickets/figures?groupBy=DEPARTMENT'), get('/league?by=DISTRICT')]);
            // Centre and talent figures are extras: if they cannot be read, the ticket figures still show.
            const [centres, map, talent] = await Promise.all([get('/centers/figures'), get('/centers/map'),
                get('/talent/figures')].map(p => p.catch(() => null)));
            last = {overall, trend, districts, departments, league, activity: {centres, map, talent}};
            render(last);
        } catch (e) {
            document.getElementById('updated').textContent = '⚠ ' + e.message;
        }
    }

    document.getElementById('lang').addEventListener('click', () => {
        lang = lang === 'zh' ? 'en' : 'zh';
        applyLanguage();
    });
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    applyLanguage();
    refresh();
    setInterval(refresh, REFRESH_MS);
})();
