import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClassifier, type Classification } from './classifier.js';

const classifier = await createClassifier();

function assertValid(c: Classification): void {
  assert.match(c.simhash, /^[0-9a-f]{16}$/);
  assert.equal(c.minhash.length, 64);
  assert.ok(c.language.confidence >= 0 && c.language.confidence <= 1);
  assert.ok(Array.isArray(c.topics) && Array.isArray(c.entities));
  assert.ok(c.classifierVersion.length > 0);
}

describe('createClassifier', () => {
  it('classifies a Russian article about Kazakhstan', () => {
    const c = classifier.classify({
      title: 'Токаев встретился с генсеком ОДКБ',
      text: 'Президент Казахстана Касым-Жомарт Токаев принял в Алматы генерального секретаря ОДКБ. Стороны обсудили вопросы безопасности.',
    });
    assertValid(c);
    assert.equal(c.language.code, 'ru');
    assert.equal(c.places.countries[0]?.code, 'KZ');
    assert.ok(c.places.cities.some((x) => x.geonameId === 1526384));
    const canonical = c.entities.map((e) => e.canonical);
    assert.ok(canonical.includes('CSTO') && canonical.includes('Kassym-Jomart Tokayev'));
    assert.equal(c.topics[0]?.code, 'medtop:11000000');
  });

  it('reads English words SIB-200’s sentences never use through the topic word vectors', () => {
    // Without them these come out science and technology, and lifestyle and leisure (travel);
    // the detected language picks the vectors.
    const goalkeeper = classifier.classify({
      title: 'The goalkeeper saved a penalty in stoppage time',
      text: '',
    });
    assert.equal(goalkeeper.language.code, 'en');
    assert.equal(goalkeeper.topics[0]?.code, 'medtop:15000000');
    const striker = classifier.classify({
      title: 'The striker scored twice as the visitors clinched the league title',
      text: '',
    });
    assert.equal(striker.topics[0]?.code, 'medtop:15000000');
  });

  it('takes the subject the feed’s section names, not a tag’s', () => {
    const article = {
      title: 'Decision announced after a long meeting',
      text: 'The decision was announced on Saturday after a long meeting in the capital.',
    };
    assert.notEqual(classifier.classify(article).topics[0]?.code, 'medtop:15000000');
    const sport = classifier.classify({ ...article, categories: ['Sport/Football', 'Manchester'] });
    assert.equal(sport.topics[0]?.code, 'medtop:15000000');
    assert.equal(sport.topics[0]?.score, 0.9);
    const tagged = classifier.classify({ ...article, categories: ['Manchester', 'News'] });
    assert.deepEqual(tagged.topics, classifier.classify(article).topics);
  });

  it('names a language outside the models’ 44 through lid.176: a Catalan article is not Romanian', () => {
    const c = classifier.classify({
      title: 'El Govern aprova un nou pla de transport públic',
      text: "El Parlament de Catalunya debatrà dijous la proposta de pressupostos per a l'any vinent.",
    });
    assertValid(c);
    assert.equal(c.language.code, 'ca');
  });

  it('names the subjects SIB-200 has no category for by the article language’s cue words', () => {
    const business = classifier.classify({
      title: 'Shares fall as central bank raises interest rates',
      text: 'Stock markets slid on Tuesday after the central bank raised interest rates by half a point, citing persistent inflation.',
    });
    assert.equal(business.topics[0]?.code, 'medtop:04000000');
    assert.equal(business.topics[0]?.label, 'economy, business and finance');
    const weather = classifier.classify({
      title: 'Sturmwarnung: Schnee und Glätte erwartet',
      text: 'Der Wetterdienst warnt vor Sturm, starkem Schneefall und Temperaturen unter null Grad.',
    });
    assert.equal(weather.language.code, 'de');
    assert.equal(weather.topics[0]?.code, 'medtop:17000000');
    const sport = classifier.classify({
      title: 'Late goal wins the cup final',
      text: 'The striker scored in the last minute of the match to win the cup for his club.',
    });
    assert.equal(sport.topics[0]?.code, 'medtop:15000000');
    assert.ok(sport.topics.every((t) => t.code !== 'medtop:04000000'));
  });

  it('names no cue-word subject for sport, science and culture news in 43 languages', () => {
    // 主教练 (head coach) once read as 主教 (bishop): religion.
    const cueSubject = /^medtop:(0[234569]|1[2467])000000$/;
    const articles: [string, string][] = [
      [
        'Striker scores twice as United beat City in derby',
        'The forward scored in each half as United won the derby 2-1 on Sunday, moving three points clear at the top of the table. The manager praised the defence after a late penalty was saved.',
      ],
      [
        'New smartphone chip promises longer battery life',
        'The chipmaker unveiled a processor built on a three-nanometre process that it says uses a third less power. Reviewers will test the first phones using it next month.',
      ],
      [
        'Film festival opens with a debut from a young director',
        'The festival opened on Friday with a drama about two sisters running a bakery in Naples. Critics praised the performances and the score by a jazz composer.',
      ],
      [
        'Scientists map the genome of the axolotl',
        "Researchers sequenced the salamander's genome, ten times larger than a human's, hoping to learn how it regrows limbs. The study appears in Nature.",
      ],
      [
        "Le PSG s'impose face à Lyon au Parc des Princes",
        "Les Parisiens ont dominé la rencontre et marqué trois buts en seconde période. L'entraîneur a salué la performance de son milieu de terrain.",
      ],
      [
        'Un nouveau musée consacré à la bande dessinée ouvre à Angoulême',
        "Le musée présente plus de deux mille planches originales et une salle dédiée aux mangas. L'exposition inaugurale est consacrée à Hergé.",
      ],
      [
        'Bayern gewinnt das Topspiel gegen Dortmund',
        'Mit zwei Toren in der Schlussphase drehte der Rekordmeister die Partie. Der Trainer lobte die Moral seiner Mannschaft nach dem Rückstand zur Pause.',
      ],
      [
        'Forscher entdecken neuen Exoplaneten',
        'Ein internationales Team hat mit dem Weltraumteleskop einen Planeten in der habitablen Zone eines roten Zwergsterns entdeckt. Die Ergebnisse erscheinen in Science.',
      ],
      [
        'El Real Madrid gana la final de la Copa',
        'Un gol en la prórroga dio el título al equipo blanco, que celebró con su afición en Cibeles. El entrenador dedicó la victoria a los jugadores lesionados.',
      ],
      [
        'Una exposición reúne obras de Frida Kahlo en Ciudad de México',
        'La muestra incluye autorretratos, cartas y fotografías de la artista. El museo espera recibir a miles de visitantes durante el verano.',
      ],
      [
        '«Зенит» обыграл «Спартак» в центральном матче тура',
        'Петербургская команда забила два мяча во втором тайме и укрепилась на первом месте. Главный тренер похвалил игру защиты.',
      ],
      [
        'В Москве открылась выставка русского авангарда',
        'На выставке представлены работы Малевича, Кандинского и Родченко из частных коллекций. Экспозиция продлится до весны.',
      ],
      [
        '大谷選手が今季30号本塁打',
        'エンゼルスの大谷翔平選手が本拠地での試合で今季30号となる本塁打を放った。チームは5対3で勝利した。',
      ],
      [
        '新型スマートフォンを発表',
        '大手メーカーは新しいスマートフォンを発表した。カメラ性能が向上し、電池の持ちも良くなったという。',
      ],
      [
        '中国女排3比1战胜巴西队',
        '在昨晚的比赛中，中国女排以3比1战胜巴西队，取得小组赛三连胜。主教练赛后表示对队员的表现很满意。',
      ],
      [
        'الأهلي يفوز على الزمالك في قمة الدوري',
        'سجل مهاجم الأهلي هدفين في الشوط الثاني ليقود فريقه إلى الفوز في مباراة القمة أمام جماهير غفيرة.',
      ],
      [
        "Galatasaray derbide Fenerbahçe'yi yendi",
        'Sarı-kırmızılılar ikinci yarıda bulduğu gollerle maçı 2-0 kazandı ve liderliğini sürdürdü. Teknik direktör oyuncularını tebrik etti.',
      ],
      [
        'Legia wygrywa z Lechem w hicie kolejki',
        'Warszawianie strzelili dwa gole w drugiej połowie i awansowali na pierwsze miejsce w tabeli. Trener pochwalił obronę.',
      ],
      [
        "La Juventus batte l'Inter nel derby d'Italia",
        "Un gol nel finale ha deciso la partita allo Stadium. L'allenatore ha elogiato la difesa e il carattere della squadra.",
      ],
      [
        'भारत ने ऑस्ट्रेलिया को टेस्ट मैच में हराया',
        'भारतीय टीम ने चौथे दिन ऑस्ट्रेलिया को आठ विकेट से हराकर श्रृंखला में बढ़त बना ली। कप्तान ने गेंदबाजों की प्रशंसा की।',
      ],
      [
        '손흥민, 시즌 10호 골',
        '토트넘의 손흥민이 홈 경기에서 시즌 10호 골을 터뜨렸다. 팀은 2대 1로 승리했다.',
      ],
      [
        'Đội tuyển Việt Nam thắng Thái Lan 2-1',
        'Hai bàn thắng trong hiệp hai giúp đội tuyển Việt Nam giành chiến thắng trên sân nhà. Huấn luyện viên khen ngợi tinh thần thi đấu của các cầu thủ.',
      ],
      [
        'Persib menang atas Persija di Bandung',
        'Dua gol di babak kedua memastikan kemenangan tuan rumah. Pelatih memuji permainan lini tengah timnya.',
      ],
      ['ทีมชาติไทยชนะเวียดนาม 2-1', 'ทีมชาติไทยทำสองประตูในครึ่งหลังและคว้าชัยชนะในบ้าน โค้ชชื่นชมผู้เล่นทุกคน'],
      [
        'מכבי תל אביב ניצחה את הפועל בדרבי',
        'שני שערים במחצית השנייה הכריעו את המשחק. המאמן שיבח את ההגנה של הקבוצה.',
      ],
      [
        'پرسپولیس استقلال را شکست داد',
        'پرسپولیس با دو گل در نیمه دوم بازی را برد و صدرنشین شد. سرمربی از عملکرد بازیکنان تقدیر کرد.',
      ],
      [
        '«Динамо» перемогло «Шахтар» у класичному матчі',
        "Кияни забили два м'ячі у другому таймі та очолили турнірну таблицю. Головний тренер похвалив захист.",
      ],
      [
        'Sparta porazila Slavii v derby',
        'Dva góly ve druhém poločase rozhodly zápas. Trenér pochválil obranu svého týmu.',
      ],
      [
        'Հայաստանի հավաքականը հաղթեց Վրաստանին',
        'Երկրորդ խաղակեսում խփված երկու գոլը որոշեց հանդիպման ելքը։ Մարզիչը գովաբանեց թիմի պաշտպանությունը։',
      ],
      [
        'საქართველოს ნაკრებმა სომხეთი დაამარცხა',
        'მეორე ტაიმში გატანილმა ორმა გოლმა მატჩის ბედი გადაწყვიტა. მწვრთნელმა გუნდის დაცვა შეაქო.',
      ],
      [
        'Simba yaifunga Yanga katika mechi ya watani',
        'Mabao mawili katika kipindi cha pili yaliipa Simba ushindi nyumbani. Kocha aliwasifu wachezaji wake.',
      ],
      [
        'বাংলাদেশ শ্রীলঙ্কাকে হারাল',
        'দ্বিতীয়ার্ধে দুটি গোলে বাংলাদেশ জয় পেয়েছে। কোচ খেলোয়াড়দের প্রশংসা করেছেন।',
      ],
      [
        'Қайрат Астананы жеңді',
        'Екінші таймда соғылған екі гол матчтың тағдырын шешті. Бас бапкер қорғаныс ойынын мақтады.',
      ],
      [
        'Ο Ολυμπιακός νίκησε τον Παναθηναϊκό στο ντέρμπι',
        'Δύο γκολ στο δεύτερο ημίχρονο έκριναν τον αγώνα. Ο προπονητής επαίνεσε την άμυνα της ομάδας.',
      ],
      [
        'A Ferencváros legyőzte az Újpestet',
        'A második félidőben szerzett két gól döntötte el a mérkőzést. Az edző megdicsérte a védelmet.',
      ],
      [
        'FCSB a învins Dinamo în derby',
        'Două goluri în repriza a doua au decis meciul. Antrenorul a lăudat apărarea echipei.',
      ],
      [
        'پاکستان نے بھارت کو ہرا دیا',
        'پاکستانی ٹیم نے دوسرے ہاف میں دو گول کر کے میچ جیت لیا۔ کوچ نے کھلاڑیوں کی تعریف کی۔',
      ],
      [
        'Ajax wint de klassieker van Feyenoord',
        'Twee doelpunten in de tweede helft besliste de wedstrijd. De trainer prees de verdediging van zijn ploeg.',
      ],
      [
        'AIK vann derbyt mot Djurgården',
        'Två mål i andra halvlek avgjorde matchen. Tränaren berömde försvaret.',
      ],
      [
        'HJK voitti derbyn',
        'Kaksi toisen puoliajan maalia ratkaisi ottelun. Valmentaja kehui joukkueen puolustusta.',
      ],
      [
        'Левски победи ЦСКА във вечното дерби',
        'Два гола през второто полувреме решиха мача. Треньорът похвали защитата на отбора.',
      ],
      [
        'Црвена звезда победила Партизан у вечитом дербију',
        'Два гола у другом полувремену решила су утакмицу. Тренер је похвалио одбрану свог тима.',
      ],
      [
        'Dinamo svladao Hajduk u derbiju',
        'Dva gola u drugom poluvremenu odlučila su utakmicu. Trener je pohvalio obranu svoje momčadi.',
      ],
      [
        'FC København vandt over Brøndby',
        'To mål i anden halvleg afgjorde kampen. Træneren roste forsvaret.',
      ],
      [
        'Rosenborg slo Molde i toppkampen',
        'To mål i andre omgang avgjorde kampen. Treneren roste forsvaret til laget.',
      ],
      [
        'БАТЭ перамог Дынама ў цэнтральным матчы тура',
        'Два мячы ў другім тайме вырашылі лёс матчу. Галоўны трэнер пахваліў абарону.',
      ],
      [
        'Дордой Алайды жеңди',
        'Экинчи таймда киргизилген эки гол беттештин тагдырын чечти. Машыктыруучу командасын мактады.',
      ],
      [
        'Истиқлол Хуҷандро мағлуб кард',
        'Ду гол дар даври дуюм сарнавишти бозиро ҳал кард. Мураббӣ бозигаронро таъриф кард.',
      ],
      [
        "Paxtakor Nasafni mag'lub etdi",
        "Ikkinchi bo'limda urilgan ikki gol o'yin taqdirini hal qildi. Murabbiy jamoasini maqtadi.",
      ],
      [
        'Qarabağ Neftçini məğlub etdi',
        'İkinci hissədə vurulan iki qol oyunun taleyini həll etdi. Baş məşqçi komandanı təriflədi.',
      ],
      [
        'Flamengo vence o Palmeiras no Maracanã',
        'Dois gols no segundo tempo decidiram a partida. O treinador elogiou a defesa da equipe.',
      ],
    ];
    for (const [title, text] of articles) {
      const { topics } = classifier.classify({ title, text });
      assert.deepEqual(
        topics.filter((t) => cueSubject.test(t.code)).map((t) => t.code),
        [],
        title,
      );
    }
  });

  it('names the subject of typical news items first, in 42 languages', () => {
    const cases: [string, string, string][] = [
      [
        'Man charged with murder after body found in flat',
        'Detectives have charged a 34-year-old man with murder after the body of a woman was found in a flat on Monday.',
        '02000000',
      ],
      [
        'Rail workers to strike over pay',
        'Train drivers and station staff will walk out next week after talks with operators on wages and conditions broke down, the union said.',
        '09000000',
      ],
      [
        'Un homme mis en examen pour meurtre à Marseille',
        "Le suspect a été placé en détention provisoire après avoir été interpellé par la police judiciaire. L'enquête se poursuit.",
        '02000000',
      ],
      [
        'Inflation in Deutschland sinkt auf zwei Prozent',
        'Die Verbraucherpreise stiegen im November nur noch um zwei Prozent. Ökonomen erwarten eine Zinssenkung der EZB.',
        '04000000',
      ],
      [
        'Rusia lanza un ataque masivo con misiles sobre Kiev',
        'El ejército ruso lanzó decenas de misiles y drones contra la capital ucraniana durante la noche.',
        '16000000',
      ],
      [
        'Синоптики предупредили о сильных морозах в Москве',
        'В выходные температура опустится до минус 25 градусов, ожидается снегопад и гололед.',
        '17000000',
      ],
      [
        '日経平均株価が最高値を更新',
        '東京株式市場で日経平均株価が大幅に上昇し、史上最高値を更新した。円安を背景に輸出企業の株が買われた。',
        '04000000',
      ],
      [
        'Policja zatrzymała podejrzanego o zabójstwo',
        'Mężczyzna usłyszał zarzut zabójstwa i trafił do aresztu. Grozi mu dożywocie.',
        '02000000',
      ],
      [
        'Inflacja w Polsce spadła do 3 procent',
        'Ceny towarów i usług wzrosły w listopadzie o 3 proc. Ekonomiści spodziewają się obniżki stóp procentowych przez NBP.',
        '04000000',
      ],
      [
        '한국은행 기준금리 동결',
        '한국은행이 물가 상승률 둔화에도 기준금리를 연 3.5%로 동결했다. 경제 성장률 전망은 낮췄다.',
        '04000000',
      ],
      [
        '경찰, 살인 혐의로 30대 남성 체포',
        '경찰은 살인 혐의로 30대 남성을 체포해 조사하고 있다고 밝혔다.',
        '02000000',
      ],
      [
        "Merkez Bankası faizi yüzde 50'de sabit tuttu",
        "Enflasyonun yüksek seyrettiği Türkiye'de Merkez Bankası politika faizini değiştirmedi. Borsa günü yükselişle kapattı.",
        '04000000',
      ],
      [
        'Allerta meteo, in arrivo pioggia e neve al Nord',
        "La protezione civile ha diramato un'allerta per forti piogge e nevicate sulle Alpi. Le temperature scenderanno sotto lo zero.",
        '17000000',
      ],
      [
        'Polícia prende suspeito de assalto a banco em São Paulo',
        'O homem foi preso em flagrante após roubo a uma agência bancária. Ele será levado a julgamento.',
        '02000000',
      ],
      [
        'Vakbonden kondigen staking aan in het openbaar vervoer',
        'Buschauffeurs en machinisten leggen volgende week het werk neer na mislukte onderhandelingen over de lonen.',
        '09000000',
      ],
      [
        'Росія завдала ракетного удару по Києву',
        'Російські війська вночі атакували столицю ракетами та дронами, повідомили Повітряні сили ЗСУ.',
        '16000000',
      ],
      [
        'रिज़र्व बैंक ने ब्याज दरें घटाईं',
        'भारतीय रिज़र्व बैंक ने महंगाई में कमी के बाद रेपो दर में कटौती की। शेयर बाजार में तेजी रही।',
        '04000000',
      ],
      [
        'Gempa magnitudo 6,2 guncang Sulawesi',
        'Gempa bumi mengguncang Sulawesi Barat, menyebabkan sejumlah bangunan rusak. Warga mengungsi dan tim penyelamat dikerahkan.',
        '03000000',
      ],
      [
        '警方逮捕涉嫌诈骗的犯罪团伙',
        '警方近日破获一起电信诈骗案，逮捕犯罪嫌疑人十余名。案件正在进一步审理中。',
        '02000000',
      ],
      [
        'البنك المركزي يرفع أسعار الفائدة لمواجهة التضخم',
        'قرر البنك المركزي رفع أسعار الفائدة بنقطة مئوية لكبح التضخم، فيما تراجعت البورصة.',
        '04000000',
      ],
      [
        'زلزله ۵ ریشتری در کرمان',
        'زلزله‌ای به بزرگی ۵ ریشتر استان کرمان را لرزاند. نیروهای امداد و نجات به منطقه اعزام شدند.',
        '03000000',
      ],
      [
        'צה״ל תקף מטרות בדרום לבנון',
        'מטוסי חיל האוויר תקפו מטרות של חיזבאללה בדרום לבנון, לאחר ירי רקטות לעבר הצפון.',
        '16000000',
      ],
      [
        'Riksbanken sänker räntan',
        'Riksbanken sänker styrräntan med en kvarts procentenhet efter att inflationen fallit. Kronan försvagades.',
        '04000000',
      ],
      [
        'Πυρκαγιά σε δάσος της Αττικής',
        'Μεγάλη πυρκαγιά ξέσπασε σε δασική έκταση της Αττικής. Οι αρχές διέταξαν την εκκένωση χωριών.',
        '03000000',
      ],
      [
        'Policie zadržela muže podezřelého z vraždy',
        'Muž byl obviněn z vraždy a soud ho poslal do vazby.',
        '02000000',
      ],
      [
        'BNR menține dobânda de politică monetară',
        'Banca Națională a României a menținut dobânda cheie la 6,5%. Inflația a scăzut la 5%.',
        '04000000',
      ],
      [
        'Полицията задържа заподозрян за убийство в София',
        'Мъжът е обвинен в убийство и съдът го остави в ареста. Прокуратурата води разследването.',
        '02000000',
      ],
      [
        'Народна банка Србије задржала каматну стопу',
        'Инфлација је пала на четири одсто, а динар је стабилан према евру, саопштила је Народна банка.',
        '04000000',
      ],
      [
        'Upozorenje na olujni vjetar i obilnu kišu',
        'Meteorolozi upozoravaju na jaku buru i obilne oborine na Jadranu. Temperature će pasti ispod nule.',
        '17000000',
      ],
      [
        'Sztrájkba lépnek a vasutasok',
        'A szakszervezet szerint a dolgozók a bérek emelését követelik, a tárgyalások megszakadtak.',
        '09000000',
      ],
      [
        'Euroopan keskuspankki laski korkoja',
        'Inflaation hidastuttua keskuspankki laski ohjauskorkoa. Pörssikurssit nousivat.',
        '04000000',
      ],
      [
        'Politiet anholder mand for drab i Aarhus',
        'En 40-årig mand er sigtet for drab og blev fremstillet i grundlovsforhør. Han nægter sig skyldig.',
        '02000000',
      ],
      [
        'Meteorologene varsler storm og kraftig snøfall',
        'Det er sendt ut farevarsel om sterk vind og mye snø i Nord-Norge. Temperaturen faller under minus 20 grader.',
        '17000000',
      ],
      [
        'Расійскія войскі нанеслі ракетны ўдар па горадзе',
        'Па словах мясцовых уладаў, у выніку абстрэлу загінулі мірныя жыхары. Армія працягвае наступ.',
        '16000000',
      ],
      [
        'Ұлттық банк базалық мөлшерлемені төмендетті',
        'Инфляция баяулағандықтан Ұлттық банк базалық мөлшерлемені 14 пайызға дейін төмендетті. Теңге бағамы тұрақты.',
        '04000000',
      ],
      [
        'Ош облусунда жер титирөө болду',
        'Жер титирөөнүн күчү 5 баллга жетти. Куткаруучулар кырсык болгон аймакка жөнөтүлдү.',
        '03000000',
      ],
      [
        'Милиса гумонбари куштори дастгир кард',
        'Гумонбар дар куштори як марди 30-сола айбдор дониста шуд ва додгоҳ ӯро ба ҳабс гирифт.',
        '02000000',
      ],
      [
        'Markaziy bank asosiy stavkani pasaytirdi',
        "Inflyatsiya sekinlashgani sababli Markaziy bank asosiy stavkani 13 foizga tushirdi. So'm kursi barqaror.",
        '04000000',
      ],
      [
        'Ordu cəbhədə hücuma keçdi',
        'Hərbi əməliyyat zamanı əsgərlər düşmən mövqelərini atəşə tutdu, müdafiə nazirliyi bildirib.',
        '16000000',
      ],
      [
        'Երկրաշարժ Շիրակի մարզում',
        'Երկրաշարժի ուժգնությունը կազմել է 5 բալ։ Փրկարարները մեկնել են աղետի գոտի։',
        '03000000',
      ],
      [
        'ეროვნულმა ბანკმა რეფინანსირების განაკვეთი შეამცირა',
        'ინფლაციის შენელების ფონზე ეროვნულმა ბანკმა საპროცენტო განაკვეთი შეამცირა. ლარის კურსი სტაბილურია.',
        '04000000',
      ],
      [
        'ธนาคารแห่งประเทศไทยลดอัตราดอกเบี้ยนโยบาย',
        'คณะกรรมการนโยบายการเงินลดอัตราดอกเบี้ยลงเนื่องจากเงินเฟ้อชะลอตัว ตลาดหุ้นปรับตัวขึ้น',
        '04000000',
      ],
      [
        'ঢাকায় হত্যা মামলায় গ্রেপ্তার ৩',
        'পুলিশ জানিয়েছে, হত্যাকাণ্ডের ঘটনায় তিনজনকে গ্রেপ্তার করা হয়েছে। তাদের আদালতে তোলা হবে।',
        '02000000',
      ],
      [
        'کراچی میں شدید بارش، محکمہ موسمیات کی وارننگ',
        'محکمہ موسمیات نے آئندہ دو روز میں مزید بارشوں اور تیز ہواؤں کی پیش گوئی کی ہے۔',
        '17000000',
      ],
      [
        'Benki Kuu yapunguza kiwango cha riba',
        'Benki Kuu ya Tanzania imepunguza kiwango cha riba kufuatia kushuka kwa mfumuko wa bei. Shilingi imeimarika.',
        '04000000',
      ],
      [
        'Ο πληθωρισμός υποχώρησε στο 2%',
        'Η Ευρωπαϊκή Κεντρική Τράπεζα αναμένεται να μειώσει τα επιτόκια, καθώς ο πληθωρισμός στην ευρωζώνη υποχωρεί.',
        '04000000',
      ],
    ];
    for (const [title, text, subject] of cases) {
      const { topics } = classifier.classify({ title, text });
      assert.equal(topics[0]?.code, `medtop:${subject}`, title);
    }
    // "mis en examen" (indicted) is no exam: education is not named for the French item.
    const indicted = classifier.classify({ title: cases[2]![0], text: cases[2]![1] });
    assert.ok(indicted.topics.every((t) => t.code !== 'medtop:05000000'));
  });

  it('names a subject from one cue word only in a short text or in the title', () => {
    const body =
      'The council met on Tuesday evening to debate the new cycling lanes planned for the old town. ' +
      'Residents spoke for and against the plan for more than two hours, and a police officer ' +
      'explained how traffic would be diverted while the work goes on. The mayor said the lanes ' +
      'would make the centre safer for children walking to the park and for older residents, and ' +
      'the vote was postponed until the next meeting so that shopkeepers could be heard as well.';
    const crime = 'medtop:02000000';
    const inPassing = classifier.classify({ title: 'Council debates cycling lanes', text: body });
    assert.ok(inPassing.topics.every((t) => t.code !== crime));
    const inTitle = classifier.classify({ title: 'Police back cycling lanes', text: body });
    assert.ok(inTitle.topics.some((t) => t.code === crime));
    const short = classifier.classify({
      title: '',
      text: 'A police officer explained the diversions.',
    });
    assert.ok(short.topics.some((t) => t.code === crime));
  });

  it('recognises the same places and entities in French', () => {
    const c = classifier.classify({
      title: 'Tokaïev reçoit le secrétaire général de l’OTSC',
      text: 'Le président du Kazakhstan a reçu à Almaty le secrétaire général de l’OTSC.',
    });
    assert.equal(c.language.code, 'fr');
    assert.equal(c.places.countries[0]?.code, 'KZ');
    assert.ok(c.entities.some((e) => e.canonical === 'CSTO'));
  });

  it('reads German genitives of place names (Kirgisistans, Usbekistans) and no other ending', () => {
    const c = classifier.classify({
      title: 'Zentralasiatische Staatschefs beraten in Almaty über Wasser',
      text: 'Die Präsidenten Kasachstans, Kirgisistans und Usbekistans trafen sich in Almaty.',
    });
    assert.equal(c.language.code, 'de');
    const codes = c.places.countries.map((country) => country.code).sort();
    assert.deepEqual(codes, ['KG', 'KZ', 'UZ']);
    const other = classifier.classify({
      title: 'Ein Bericht',
      text: 'Die Kasachstaner und die Kirgisistaner feierten das Fest in der Hauptstadt gemeinsam.',
    });
    assert.deepEqual(other.places.countries, []);
  });

  it('takes no German noun alone for a name: runs of two words and known entities only', () => {
    const c = classifier.classify({
      title: 'Die Mannschaft gewinnt nach Verlängerung',
      text: 'Trainer Julian Nagelsmann lobte die Disziplin. In der Halbzeit sprach Tokajew mit der Mannschaft über die Dürre.',
    });
    assert.equal(c.language.code, 'de');
    const names = c.entities.map((e) => e.canonical ?? e.name);
    // A title before a name joins its run: the name is in it.
    assert.ok(
      names.some((name) => name.endsWith('Julian Nagelsmann')),
      names.join(', '),
    );
    assert.ok(names.includes('Kassym-Jomart Tokayev'), names.join(', '));
    for (const noun of ['Mannschaft', 'Disziplin', 'Halbzeit', 'Dürre', 'Verlängerung'])
      assert.ok(!names.some((name) => name.endsWith(noun)), `${noun} in ${names.join(', ')}`);
    // An acronym is a name alone, out of the run a connector joined it to.
    const nba = classifier.classify({
      title: 'Basketball',
      text: 'Nach der Entscheidung der NBA sprach Internetanbieter AOL von einer Pause für Felipe Massa.',
    });
    const nbaNames = nba.entities.map((e) => e.canonical ?? e.name);
    for (const name of ['NBA', 'AOL', 'Felipe Massa'])
      assert.ok(nbaNames.includes(name), `${name} in ${nbaNames.join(', ')}`);
    assert.ok(
      !nbaNames.some((name) => /Entscheidung|Internetanbieter/.test(name)),
      nbaNames.join(),
    );
    // Elsewhere a capitalised word alone is still a candidate name.
    const english = classifier.classify({
      title: 'Markets rally',
      text: 'Shares rose on Monday after Nagelsmann said the deal was done.',
    });
    assert.ok(english.entities.some((e) => e.name === 'Nagelsmann'));
  });

  it("takes a capitalised word after Armenian's full stop (։) for a sentence's first word", () => {
    const c = classifier.classify({
      title: 'Լուրեր',
      text: 'Նիկոլ Փաշինյանը ժամանեց։ Երբ նա խոսեց, Փաշինյանը ժպտաց։',
    });
    const names = c.entities.map((e) => e.name);
    assert.ok(!names.includes('Երբ'), names.join(', '));
    assert.ok(
      names.some((name) => name.startsWith('Նիկոլ')),
      names.join(', '),
    );
  });

  it('ends a Latin name where another script goes on (ACMAは, Jonny Reid는, AOL-ის)', () => {
    const japanese = classifier.classify({
      title: 'ゲームの発売',
      text: '発売の前にACMAは新しい規則を発表した。',
    });
    assert.deepEqual(
      japanese.entities.map((e) => e.name),
      ['ACMA'],
    );
    const korean = classifier.classify({
      title: '뉴질랜드 방송',
      text: '방송에서 Jonny Reid는 인터뷰를 했다.',
    });
    assert.ok(
      korean.entities.some((e) => e.name === 'Jonny Reid'),
      korean.entities.map((e) => e.name).join(', '),
    );
    const georgian = classifier.classify({
      title: 'ინტერნეტი',
      text: 'კომპანია AOL-ის მომხმარებლებმა ვირჯინიაში ინტერნეტი დაკარგეს.',
    });
    assert.ok(
      georgian.entities.some((e) => e.name === 'AOL'),
      georgian.entities.map((e) => e.name).join(', '),
    );
  });

  it('takes no weekday or month alone for a name, in any language, and keeps one inside a name', () => {
    const c = classifier.classify({
      title: 'Election results',
      text: 'Voters went to the polls on Sunday, and results are due in October, said Theresa May.',
    });
    const names = c.entities.map((e) => e.name);
    assert.ok(!names.includes('Sunday') && !names.includes('October'), names.join(', '));
    assert.ok(names.includes('Theresa May'), names.join(', '));
    const swahili = classifier.classify({
      title: 'Habari',
      text: 'Wapiga kura walienda Jumatatu na matokeo yatatolewa Oktoba, alisema Rais Samia.',
    });
    const swahiliNames = swahili.entities.map((e) => e.name);
    assert.ok(!swahiliNames.includes('Jumatatu'), swahiliNames.join(', '));
  });

  it('reads figures from the text as given, so thousands grouped by a no-break space stay one', () => {
    const result = classifier.classify({
      title: 'Finale',
      text: 'Le match a réuni 78\u00a0297 spectateurs au Stade de France le 14 mai.',
    });
    assert.deepEqual(result.numbers, ['78297']);
  });

  it('never throws on bad input', () => {
    const bad: unknown[] = [
      { title: '', text: '' },
      { title: 'Only a title about Paris', text: '' },
      { title: 'x', text: '\u0000\u0001\ufffd'.repeat(1000) },
      { title: 'Big', text: 'word '.repeat(1_000_000) },
      { title: 'mixed', text: 'Привет hello 你好 שלום مرحبا' },
      { title: 'RTL', text: '\u202eמסמך בעברית על ירושלים\u202c' },
      { title: 'lone surrogate \ud800', text: '\udfff' },
      null,
      { title: 42, text: { nested: true } },
    ];
    for (const input of bad) assertValid(classifier.classify(input as never));
    const empty = classifier.classify({ title: '', text: '' });
    assert.equal(empty.language.code, 'und');
    assert.deepEqual(empty.topics, []);
  });
});
