package corpus

// The word lists below give each language enough plausible text to make
// articles of a realistic shape: sentences of realistic length, accented
// letters, apostrophes and straight quotes for the typographer. They are
// aligned by index: persons[3] means the same person in every language, so
// an article's title and scenario headings are translations of each other.
// Free prose (sentences, list items) is drawn per language.

// scenarioIDs are the scenario ids, shared by every language; vocab.headings
// is aligned with them.
var scenarioIDs = []string{
	"swamped", "changing-fields", "not-relevant", "too-soon", "cold-request",
	"friend-of-friend", "second-favour", "vague-ask", "no-reply", "bad-timing",
	"big-favour", "wrong-person", "after-the-call", "before-asking", "lost-touch",
	"public-post", "new-job", "said-no-before", "mentor-request", "reference-letter",
}

// verdicts are the builder's verdicts, in the order docs/content.md lists them.
var verdicts = []string{"accept", "decline", "redirect", "offer", "rephrase", "thank", "ask", "wait", "prepare"}

// nameHolders is how many of vocab.placeholders, at the start, are names:
// a reply's greeting uses one of them.
const nameHolders = 3

type vocab struct {
	code         string
	persons      []string // aligned
	actions      []string // aligned; a verb phrase followed by an object
	objects      []string // aligned
	times        []string // aligned
	advice       []string // aligned; capitalised imperatives
	reasons      []string // aligned; lower-case clauses
	headings     []string // aligned with scenarioIDs
	tags         []string // aligned
	placeholders []string // aligned; the first nameHolders are names
	replyTitles  [][2]string
	subjectsWith []string // one %s: a placeholder
	subjectsBare []string

	titleFmt     string // %[1]s person, %[2]s action, %[3]s object
	situationFmt string // %[1]s person, %[2]s action, %[3]s object, %[4]s time
	whyFmt       string // %[1]s advice, %[2]s reason
	quoteFmt     string // %s: a quoted phrase, in straight double quotes
	quotes       []string
	linkFmts     []string // %s: a Markdown link
	sentences    []string // free prose
	listIntros   []string
	listItems    []string
	subheads     []string
	closingHead  string
	closing      []string
	greetings    []string // %s: a name placeholder
	signoffs     []string
	replyWith    []string // %s: a placeholder
	replyBare    []string

	homeTitle, homeSummary string
	homeBody               []string
}

var vocabs = []*vocab{spanish, dutch, italian, english}

var english = &vocab{
	code: "en",
	persons: []string{
		"a former colleague", "your old manager", "a friend from university", "a recruiter you barely know",
		"someone you met at a conference", "your neighbour", "your mentor", "a long-standing client",
		"an acquaintance from a course", "a friend of a friend",
	},
	actions: []string{
		"offers to introduce you to", "asks you to recommend them to", "wants you to meet", "forwards your CV to",
		"suggests you call", "invites you to lunch with", "asks for an introduction to", "wants to put you in touch with",
	},
	objects: []string{
		"an investor", "the head of a design studio", "a hiring manager", "a well-known author",
		"their cousin who runs a start-up", "a journalist", "the director of a foundation", "a senior engineer",
		"a potential client", "an editor at a publishing house",
	},
	times: []string{
		"Out of the blue", "On a Friday afternoon", "In the middle of a busy month", "Right after a conference",
		"Just before the holidays", "A week after you changed jobs", "Late one evening", "Over coffee",
	},
	advice: []string{
		"Thank them warmly", "Say yes, on your own terms", "Decline kindly and briefly", "Point them to someone better placed",
		"Offer a smaller, specific favour", "Suggest a short call instead", "Say plainly what you need",
		"Wait a few weeks before asking", "Do your homework first", "Keep your reply short",
	},
	reasons: []string{
		"a vague request wastes everyone's time", "goodwill is easier to keep than to win back",
		"a specific date shows you mean it", "nobody likes to be a stranger's shortcut",
		"the introducer's reputation is on the line too", "people help those who make helping easy",
		"a polite no today keeps the door open tomorrow", "a rushed answer sounds like a brush-off",
		"a clear brief gets a better introduction", "small favours are the ones people actually do",
	},
	headings: []string{
		"You're swamped", "You're changing fields", "Their work has nothing to do with yours", "You only met last week",
		"A stranger writes out of the blue", "A friend asks on behalf of their friend", "You need a second favour",
		"You don't know what to ask for", "They never replied", "The timing is awkward", "The favour is too big",
		"You're the wrong person to ask", "The call went well", "Before you ask anyone", "You lost touch years ago",
		"They asked in public", "You've just started a new job", "You already said no once",
		"Someone wants you as a mentor", "They want a reference",
	},
	tags: []string{
		"introductions", "saying no", "favours", "friends", "follow-up",
		"career change", "recruiters", "mentoring", "timing", "references",
	},
	placeholders: []string{
		"introducer's name", "contact's name", "friend's name", "date you're free again", "your new field",
		"kind of person you're looking for", "company name", "topic you want to discuss", "how you know them",
		"one thing you can offer",
	},
	replyTitles: [][2]string{
		{"Say yes and name a date", "Accept on your own terms"},
		{"Decline with thanks", "Say no and keep the door open"},
		{"Point them to a better match", "Suggest someone else"},
		{"Offer a smaller favour", "Offer a short call"},
		{"Ask again, more precisely", "Turn the request around"},
		{"Thank them and follow up", "Report back after the meeting"},
		{"Ask plainly", "Say what you need"},
		{"Hold off for now", "Reply later, kindly"},
		{"Do the legwork first", "Send a short brief"},
	},
	subjectsWith: []string{"About ((%s))", "Following up: ((%s))", "A quick question about ((%s))"},
	subjectsBare: []string{"Thank you", "Thank you for thinking of me"},
	titleFmt:     "When %[1]s %[2]s %[3]s",
	situationFmt: "%[4]s, %[1]s %[2]s %[3]s.",
	whyFmt:       "%[1]s: %[2]s.",
	quoteFmt:     `As one reader put it: "%s"`,
	quotes: []string{
		"I'd rather write in two weeks than send a rushed reply.",
		"The best introductions come with a reason attached.",
		"Saying no kindly was easier than I expected.",
		"A short, honest message did more than a long apology.",
		"I only had to ask once, because I asked clearly.",
	},
	linkFmts: []string{
		"For a related case, see %s.", "We cover the opposite situation in %s.",
		"If this sounds familiar, read %s as well.", "The same logic applies in %s.",
	},
	sentences: []string{
		"Most people are happy to make introductions; they just need a better brief.",
		"Being busy is not, on its own, a good reason to say no.",
		"An offer turned down is unlikely to come round again soon.",
		"A meeting without a purpose costs two people an hour and spends the introducer's goodwill.",
		"Honesty now often earns you a better introduction later, to the right person.",
		"Whatever you decide, answer within a day or two: silence reads as a no.",
		"Keep the introducer in the loop; they vouched for you.",
		"It helps to say what you can offer in return, even if it is small.",
		"Nobody expects a perfect message, only a clear and friendly one.",
		"A specific date or a concrete question makes the next step easy.",
		"If in doubt, imagine receiving your own message on a busy Monday.",
		"The awkwardness passes quickly; a reputation for vague requests does not.",
		"Some will tell you to go anyway and see where the conversation leads.",
		"The trouble is that the other person only knows what they have been told about you.",
		"Gratitude costs nothing and is remembered for a long time.",
		"Write the way you would speak to them over coffee, only shorter.",
	},
	listIntros: []string{"Before you reply, check three things:", "A few rules of thumb:", "What usually works:"},
	listItems: []string{
		"**Be specific.** Name the person, the topic and the time you need.",
		"**Be quick.** Reply within two days, even if only to set a date.",
		"**Be honest.** Say why, briefly, without a long apology.",
		"Thank the introducer before anything else.",
		"Move the introducer to Bcc once the introduction is made.",
		"Offer something in return, even a small thing.",
		"Keep the first message under a hundred words.",
		"Suggest two concrete times rather than asking when they are free.",
		"Never forward a private message without asking first.",
		"Say what you already tried, so nobody repeats it.",
		"**Follow up once.** A second reminder is usually one too many.",
		"Close the loop: tell them how it went.",
	},
	subheads:    []string{"What to write", "What not to do", "If they insist", "A note on timing", "When in doubt", "Following up"},
	closingHead: "In short",
	closing: []string{
		"Meeting new people pays off, as long as the meeting is worth everyone's time.",
		"Whichever move you choose, be grateful and be open about what you need.",
		"That is what lets your contacts help you, this time and the next.",
	},
	greetings: []string{"Hi ((%s)),", "Dear ((%s)),", "Hello ((%s)),"},
	signoffs:  []string{"Best wishes,", "All the best,", "Warm regards,", "Thanks again,"},
	replyWith: []string{
		"Thank you so much for thinking of me and for mentioning ((%s)).",
		"I'd love to hear more, but I'm tied up until ((%s)).",
		"Would it be all right if I mentioned ((%s)) when I write?",
		"I'm now focusing on ((%s)), so I want to be honest with you.",
		"If you know someone in ((%s)), I'd be very grateful for a connection.",
		"I've noted ((%s)) so we can pick a time together.",
		"Could we talk briefly about ((%s)) next week?",
		"In return, I'm glad to help with ((%s)) whenever it's useful.",
	},
	replyBare: []string{
		"I really appreciate it.", "I'd rather give this my full attention than rush it.",
		"I hope that makes sense.", "Thanks again for your patience.",
		"Let me know if that works for you.", "I'll keep you posted on how it goes.",
	},
	homeTitle:   "Tact: networking etiquette, with the words to send",
	homeSummary: "Advice for awkward networking moments, with replies you can adapt and send.",
	homeBody: []string{
		"Someone offers you an introduction you don't need, a friend asks for a delicate favour, or you don't know how to ask for help without seeming to take advantage. This guide gathers practical advice for those moments and, for each one, a message you can adapt and send in a couple of minutes.",
		"Start with any article below: each one sets out the scenarios, the best move, why, and the words to send.",
	},
}

var spanish = &vocab{
	code: "es",
	persons: []string{
		"un antiguo compañero", "tu antigua jefa", "una amiga de la universidad", "un reclutador al que apenas conoces",
		"alguien a quien conociste en un congreso", "tu vecino", "tu mentora", "un cliente de toda la vida",
		"una conocida de un curso", "un amigo de un amigo",
	},
	actions: []string{
		"se ofrece a presentarte a", "te pide que le recomiendes a", "quiere que conozcas a", "le reenvía tu currículum a",
		"te sugiere que llames a", "te invita a comer con", "te pide que le presentes a", "quiere ponerte en contacto con",
	},
	objects: []string{
		"una inversora", "la directora de un estudio de diseño", "un responsable de selección", "un autor conocido",
		"su primo, que dirige una start-up", "una periodista", "la presidenta de una fundación", "una ingeniera sénior",
		"un posible cliente", "un editor de una editorial",
	},
	times: []string{
		"De repente", "Un viernes por la tarde", "En pleno mes de trabajo", "Justo después de un congreso",
		"Poco antes de las vacaciones", "Una semana después de cambiar de trabajo", "Una noche, ya tarde", "Tomando un café",
	},
	advice: []string{
		"Dale las gracias de corazón", "Di que sí, pero a tu manera", "Declina con amabilidad y brevedad",
		"Remítelo a alguien mejor situado", "Ofrece un favor más pequeño y concreto", "Propón una llamada corta",
		"Di claramente lo que necesitas", "Espera unas semanas antes de pedir", "Haz los deberes primero",
		"Responde con un mensaje breve",
	},
	reasons: []string{
		"una petición vaga hace perder el tiempo a todos", "la buena voluntad cuesta más recuperarla que conservarla",
		"una fecha concreta demuestra que vas en serio", "a nadie le gusta ser el atajo de un desconocido",
		"la reputación de quien te presenta también está en juego", "la gente ayuda a quien se lo pone fácil",
		"un no educado hoy deja la puerta abierta mañana", "una respuesta precipitada suena a excusa",
		"un encargo claro consigue una presentación mejor", "los favores pequeños son los que de verdad se hacen",
	},
	headings: []string{
		"Estás desbordado", "Estás cambiando de sector", "Su trabajo no tiene nada que ver con el tuyo",
		"Os conocisteis la semana pasada", "Te escribe un desconocido sin previo aviso",
		"Un amigo te pide algo para un amigo suyo", "Necesitas un segundo favor", "No sabes qué pedir",
		"Nunca te contestaron", "El momento es incómodo", "El favor es demasiado grande",
		"No eres la persona adecuada", "La llamada fue bien", "Antes de pedir nada",
		"Perdisteis el contacto hace años", "Te lo pidieron en público", "Acabas de empezar en un trabajo nuevo",
		"Ya dijiste que no una vez", "Alguien quiere que seas su mentor", "Te piden una referencia",
	},
	tags: []string{
		"presentaciones", "decir que no", "favores", "amigos", "seguimiento",
		"cambio de carrera", "reclutadores", "mentoría", "el momento", "referencias",
	},
	placeholders: []string{
		"nombre de quien te presenta", "nombre del contacto", "nombre de tu amigo", "fecha en que vuelves a estar libre",
		"tu nuevo sector", "tipo de persona que buscas", "nombre de la empresa", "tema que quieres tratar",
		"de qué os conocéis", "algo que puedes ofrecer",
	},
	replyTitles: [][2]string{
		{"Di que sí y propón una fecha", "Acepta a tu manera"},
		{"Declina con gratitud", "Di que no sin cerrar la puerta"},
		{"Remítelo a alguien más adecuado", "Sugiere a otra persona"},
		{"Ofrece un favor más pequeño", "Ofrece una llamada corta"},
		{"Vuelve a pedirlo con precisión", "Dale la vuelta a la petición"},
		{"Agradece y haz seguimiento", "Cuenta cómo fue la reunión"},
		{"Pídelo sin rodeos", "Di lo que necesitas"},
		{"Espera por ahora", "Responde más adelante, con amabilidad"},
		{"Haz el trabajo previo", "Envía un resumen breve"},
	},
	subjectsWith: []string{"Sobre ((%s))", "Seguimiento: ((%s))", "Una pregunta rápida sobre ((%s))"},
	subjectsBare: []string{"Gracias", "Gracias por acordarte de mí"},
	titleFmt:     "Cuando %[1]s %[2]s %[3]s",
	situationFmt: "%[4]s, %[1]s %[2]s %[3]s.",
	whyFmt:       "%[1]s: %[2]s.",
	quoteFmt:     `Como nos escribió una lectora: "%s"`,
	quotes: []string{
		"Prefiero escribir dentro de dos semanas que mandar una respuesta con prisas.",
		"Las mejores presentaciones llegan con un motivo.",
		"Decir que no con amabilidad fue más fácil de lo que pensaba.",
		"Un mensaje corto y sincero sirvió más que una larga disculpa.",
		"Solo tuve que pedirlo una vez, porque lo pedí con claridad.",
	},
	linkFmts: []string{
		"Para un caso parecido, lee %s.", "La situación contraria la tratamos en %s.",
		"Si te suena, echa también un vistazo a %s.", "La misma lógica vale en %s.",
	},
	sentences: []string{
		"A la mayoría le gusta presentar a la gente; solo necesita un encargo mejor.",
		"Estar ocupado no es, por sí solo, un buen motivo para decir que no.",
		"Una oferta rechazada difícilmente vuelve a presentarse pronto.",
		"Una reunión sin propósito le cuesta una hora a dos personas y gasta la buena voluntad de quien presenta.",
		"La sinceridad de hoy suele traer mañana una presentación mejor, a la persona adecuada.",
		"Decidas lo que decidas, responde en uno o dos días: el silencio se lee como un no.",
		"Mantén al tanto a quien te presentó; dio la cara por ti.",
		"Ayuda decir qué puedes ofrecer a cambio, aunque sea poco.",
		"Nadie espera un mensaje perfecto, solo uno claro y amable.",
		"Una fecha concreta o una pregunta precisa facilitan el siguiente paso.",
		"Si dudas, imagina que recibes tu propio mensaje un lunes cargado de trabajo.",
		"La incomodidad pasa rápido; la fama de pedir cosas vagas, no.",
		"Habrá quien te diga que vayas de todos modos, a ver adónde lleva la conversación.",
		"El problema es que la otra persona solo sabe de ti lo que le han contado.",
		"La gratitud no cuesta nada y se recuerda durante mucho tiempo.",
		"Escribe como le hablarías tomando un café, pero más breve.",
	},
	listIntros: []string{"Antes de responder, comprueba tres cosas:", "Algunas reglas prácticas:", "Lo que suele funcionar:"},
	listItems: []string{
		"**Sé concreto.** Di la persona, el tema y el tiempo que necesitas.",
		"**Sé rápido.** Responde en dos días, aunque sea para fijar una fecha.",
		"**Sé sincero.** Explica el motivo en pocas palabras, sin disculpas largas.",
		"Da las gracias a quien te presenta antes que nada.",
		"Pasa a quien te presentó a copia oculta cuando ya os haya presentado.",
		"Ofrece algo a cambio, aunque sea pequeño.",
		"Que el primer mensaje no pase de cien palabras.",
		"Propón dos horarios concretos en lugar de preguntar cuándo le viene bien.",
		"No reenvíes nunca un mensaje privado sin preguntar antes.",
		"Cuenta lo que ya has intentado, para que nadie lo repita.",
		"**Insiste una sola vez.** Un segundo recordatorio suele sobrar.",
		"Cierra el círculo: cuéntale cómo fue.",
	},
	subheads:    []string{"Qué escribir", "Qué no hacer", "Si insisten", "Una nota sobre el momento", "En caso de duda", "El seguimiento"},
	closingHead: "En resumen",
	closing: []string{
		"Conocer gente nueva merece la pena, siempre que la reunión valga el tiempo de todos.",
		"Elijas lo que elijas, muéstrate agradecido y di con claridad lo que necesitas.",
		"Eso es lo que permite a tus contactos ayudarte, esta vez y la siguiente.",
	},
	greetings: []string{"Hola, ((%s)):", "Buenos días, ((%s)):", "Hola de nuevo, ((%s)):"},
	signoffs:  []string{"Un abrazo,", "Un saludo,", "Gracias de nuevo,", "Hasta pronto,"},
	replyWith: []string{
		"Muchísimas gracias por acordarte de mí y por mencionar ((%s)).",
		"Me encantaría saber más, pero estoy muy liado hasta ((%s)).",
		"¿Te parece bien que mencione ((%s)) cuando escriba?",
		"Ahora me estoy centrando en ((%s)), así que prefiero ser sincero contigo.",
		"Si conoces a alguien en ((%s)), te agradecería mucho el contacto.",
		"He apuntado ((%s)) para que encontremos un hueco.",
		"¿Podríamos hablar un momento sobre ((%s)) la semana que viene?",
		"A cambio, te ayudo encantado con ((%s)) cuando te venga bien.",
	},
	replyBare: []string{
		"Te lo agradezco de verdad.", "Prefiero dedicarle toda mi atención que hacerlo deprisa.",
		"Espero que lo entiendas.", "Gracias otra vez por tu paciencia.",
		"Dime si te va bien.", "Ya te contaré cómo va.",
	},
	homeTitle:   "Tact: networking con tacto y con el mensaje ya escrito",
	homeSummary: "Consejos para los momentos incómodos del networking, con respuestas listas para adaptar y enviar.",
	homeBody: []string{
		"Te ofrecen una presentación que no te encaja, un amigo te pide un favor delicado o no sabes cómo pedir ayuda sin parecer que te aprovechas. Esta guía reúne consejos prácticos para esos momentos y, para cada uno, un mensaje que puedes adaptar y enviar en un par de minutos.",
		"Empieza por cualquiera de los artículos: cada uno explica las situaciones, la mejor jugada, el porqué y las palabras para enviar.",
	},
}

var italian = &vocab{
	code: "it",
	persons: []string{
		"un ex collega", "la tua vecchia responsabile", "un'amica dell'università", "un selezionatore che conosci appena",
		"qualcuno conosciuto a un convegno", "il tuo vicino di casa", "la tua mentore", "un cliente di lunga data",
		"una conoscente di un corso", "un amico di un amico",
	},
	actions: []string{
		"si offre di presentarti a", "ti chiede di raccomandarlo a", "vuole farti conoscere", "inoltra il tuo curriculum a",
		"ti suggerisce di chiamare", "ti invita a pranzo con", "ti chiede di presentarlo a", "vuole metterti in contatto con",
	},
	objects: []string{
		"un'investitrice", "una direttrice di uno studio di design", "un responsabile delle assunzioni", "uno scrittore famoso",
		"un suo cugino che guida una start-up", "una giornalista", "una dirigente di una fondazione", "un ingegnere esperto",
		"un possibile cliente", "un redattore di una casa editrice",
	},
	times: []string{
		"All'improvviso", "Un venerdì pomeriggio", "Nel mezzo di un mese pieno", "Subito dopo un convegno",
		"Poco prima delle vacanze", "Una settimana dopo il cambio di lavoro", "Una sera tardi", "Davanti a un caffè",
	},
	advice: []string{
		"Ringrazia di cuore", "Di' di sì, alle tue condizioni", "Declina con garbo e in poche righe",
		"Indirizzalo a qualcuno più adatto", "Offri un favore più piccolo e preciso", "Proponi una breve telefonata",
		"Di' chiaramente che cosa ti serve", "Aspetta qualche settimana prima di chiedere", "Prepara prima il terreno",
		"Rispondi in poche righe",
	},
	reasons: []string{
		"una richiesta vaga fa perdere tempo a tutti", "la fiducia si conserva più facilmente di quanto si riconquisti",
		"una data precisa dimostra che fai sul serio", "a nessuno piace fare da scorciatoia a uno sconosciuto",
		"anche la reputazione di chi ti presenta è in gioco", "le persone aiutano chi rende facile aiutare",
		"un no cortese oggi lascia la porta aperta domani", "una risposta frettolosa sembra una scusa",
		"una richiesta chiara porta a una presentazione migliore", "i piccoli favori sono quelli che si fanno davvero",
	},
	headings: []string{
		"Sei sommerso di lavoro", "Stai cambiando settore", "Il suo lavoro non c'entra nulla con il tuo",
		"Vi siete conosciuti la settimana scorsa", "Ti scrive uno sconosciuto all'improvviso",
		"Un amico chiede qualcosa per un suo amico", "Ti serve un secondo favore", "Non sai cosa chiedere",
		"Non ti hanno mai risposto", "Il momento è delicato", "Il favore è troppo grande", "Non sei la persona giusta",
		"La telefonata è andata bene", "Prima di chiedere qualcosa", "Vi siete persi di vista anni fa",
		"Te l'hanno chiesto in pubblico", "Hai appena iniziato un nuovo lavoro", "Hai già detto di no una volta",
		"Qualcuno ti vuole come mentore", "Ti chiedono una referenza",
	},
	tags: []string{
		"presentazioni", "dire di no", "favori", "amici", "follow-up",
		"cambio di carriera", "selezionatori", "mentoring", "tempistica", "referenze",
	},
	placeholders: []string{
		"nome di chi ti presenta", "nome del contatto", "nome del tuo amico", "data in cui sei di nuovo libero",
		"il tuo nuovo settore", "tipo di persona che cerchi", "nome dell'azienda", "argomento di cui vuoi parlare",
		"come vi conoscete", "qualcosa che puoi offrire",
	},
	replyTitles: [][2]string{
		{"Di' di sì e proponi una data", "Accetta alle tue condizioni"},
		{"Declina ringraziando", "Di' di no senza chiudere la porta"},
		{"Indirizzalo verso qualcuno più adatto", "Suggerisci un'altra persona"},
		{"Offri un favore più piccolo", "Offri una breve telefonata"},
		{"Chiedi di nuovo, con precisione", "Riformula la richiesta"},
		{"Ringrazia e fatti risentire", "Racconta com'è andato l'incontro"},
		{"Chiedi senza giri di parole", "Di' cosa ti serve"},
		{"Aspetta per ora", "Rispondi più avanti, con garbo"},
		{"Prepara il terreno", "Invia un breve riassunto"},
	},
	subjectsWith: []string{"A proposito di ((%s))", "Seguito: ((%s))", "Una domanda veloce su ((%s))"},
	subjectsBare: []string{"Grazie", "Grazie per aver pensato a me"},
	titleFmt:     "Quando %[1]s %[2]s %[3]s",
	situationFmt: "%[4]s, %[1]s %[2]s %[3]s.",
	whyFmt:       "%[1]s: %[2]s.",
	quoteFmt:     `Come ci ha scritto una lettrice: "%s"`,
	quotes: []string{
		"Preferisco scrivere tra due settimane che mandare una risposta di fretta.",
		"Le presentazioni migliori arrivano con un motivo.",
		"Dire di no con garbo è stato più facile del previsto.",
		"Un messaggio breve e sincero è servito più di mille scuse.",
		"Ho dovuto chiederlo una volta sola, perché l'ho chiesto con chiarezza.",
	},
	linkFmts: []string{
		"Per un caso simile, leggi %s.", "La situazione opposta la trattiamo in %s.",
		"Se ti suona familiare, leggi anche %s.", "La stessa logica vale in %s.",
	},
	sentences: []string{
		"Quasi tutti presentano volentieri le persone; serve solo una richiesta più chiara.",
		"Essere impegnati non è, da solo, un buon motivo per dire di no.",
		"Un'offerta rifiutata difficilmente si ripresenta presto.",
		"Un incontro senza scopo costa un'ora a due persone e consuma la fiducia di chi presenta.",
		"La sincerità di oggi porta spesso, domani, una presentazione migliore alla persona giusta.",
		"Qualunque cosa decidi, rispondi entro un giorno o due: il silenzio sembra un no.",
		"Tieni aggiornato chi ti ha presentato; ha garantito per te.",
		"Aiuta dire che cosa puoi offrire in cambio, anche se è poco.",
		"Nessuno si aspetta un messaggio perfetto, solo uno chiaro e cordiale.",
		"Una data precisa o una domanda concreta rendono facile il passo successivo.",
		"Nel dubbio, immagina di ricevere il tuo messaggio in un lunedì pieno di impegni.",
		"L'imbarazzo passa in fretta; la fama di chi chiede cose vaghe, no.",
		"C'è chi ti dirà di andare comunque e vedere dove porta la conversazione.",
		"Il problema è che l'altra persona sa di te solo quello che le hanno raccontato.",
		"La gratitudine non costa nulla e si ricorda a lungo.",
		"Scrivi come parleresti davanti a un caffè, ma più in breve.",
	},
	listIntros: []string{"Prima di rispondere, controlla tre cose:", "Qualche regola pratica:", "Cosa funziona di solito:"},
	listItems: []string{
		"**Sii preciso.** Indica la persona, l'argomento e il tempo che ti serve.",
		"**Sii rapido.** Rispondi entro due giorni, anche solo per fissare una data.",
		"**Sii sincero.** Spiega il motivo in poche parole, senza lunghe scuse.",
		"Ringrazia prima di tutto chi ti presenta.",
		"Metti chi ti ha presentato in copia nascosta, a presentazione fatta.",
		"Offri qualcosa in cambio, anche una piccola cosa.",
		"Tieni il primo messaggio sotto le cento parole.",
		"Proponi due orari precisi invece di chiedere quando è libero.",
		"Non inoltrare mai un messaggio privato senza chiedere prima.",
		"Racconta che cosa hai già provato, così nessuno lo ripete.",
		"**Sollecita una volta sola.** Un secondo promemoria di solito è troppo.",
		"Chiudi il cerchio: racconta com'è andata.",
	},
	subheads:    []string{"Cosa scrivere", "Cosa non fare", "Se insistono", "Una nota sui tempi", "Nel dubbio", "Il seguito"},
	closingHead: "In breve",
	closing: []string{
		"Conoscere persone nuove conviene, purché l'incontro valga il tempo di tutti.",
		"Qualunque mossa scegli, sii riconoscente e di' apertamente che cosa ti serve.",
		"È così che i tuoi contatti possono aiutarti, questa volta e la prossima.",
	},
	greetings: []string{"Ciao ((%s)),", "Gentile ((%s)),", "Buongiorno ((%s)),"},
	signoffs:  []string{"Un caro saluto,", "A presto,", "Grazie ancora,", "Cordiali saluti,"},
	replyWith: []string{
		"Grazie mille per aver pensato a me e per aver citato ((%s)).",
		"Mi piacerebbe saperne di più, ma sono preso fino a ((%s)).",
		"Ti va bene se cito ((%s)) quando scrivo?",
		"Ora mi sto concentrando su ((%s)), quindi preferisco essere sincero.",
		"Se conosci qualcuno in ((%s)), ti sarei grato per un contatto.",
		"Mi sono segnato ((%s)) così troviamo un momento insieme.",
		"Potremmo parlare brevemente di ((%s)) la settimana prossima?",
		"In cambio, ti aiuto volentieri con ((%s)) quando serve.",
	},
	replyBare: []string{
		"Lo apprezzo davvero.", "Preferisco dedicarci tutta la mia attenzione piuttosto che fare di corsa.",
		"Spero che tu capisca.", "Grazie ancora per la pazienza.",
		"Fammi sapere se ti va bene.", "Ti terrò aggiornato.",
	},
	homeTitle:   "Tact: networking con garbo, con il messaggio già scritto",
	homeSummary: "Consigli per i momenti imbarazzanti del networking, con risposte pronte da adattare e inviare.",
	homeBody: []string{
		"Ti offrono una presentazione che non fa per te, un amico ti chiede un favore delicato o non sai come chiedere aiuto senza sembrare opportunista. Questa guida raccoglie consigli pratici per quei momenti e, per ciascuno, un messaggio da adattare e inviare in un paio di minuti.",
		"Comincia da uno qualsiasi degli articoli: ognuno spiega le situazioni, la mossa migliore, il perché e le parole da inviare.",
	},
}

var dutch = &vocab{
	code: "nl",
	persons: []string{
		"een oud-collega", "je vroegere leidinggevende", "een studievriendin", "een recruiter die je nauwelijks kent",
		"iemand die je op een congres ontmoette", "je buurman", "je mentor", "een vaste klant",
		"een kennis van een cursus", "een vriend van een vriend",
	},
	actions: []string{
		"wil je voorstellen aan", "vraagt je om een aanbeveling bij", "wil dat je kennismaakt met", "stuurt je cv door naar",
		"raadt je aan te bellen met", "nodigt je uit voor een lunch met", "vraagt om een introductie bij", "wil je in contact brengen met",
	},
	objects: []string{
		"een investeerder", "de directeur van een ontwerpstudio", "een teamleider die mensen zoekt", "een bekende schrijver",
		"een neef die een start-up runt", "een journalist", "de directeur van een stichting", "een ervaren engineer",
		"een mogelijke klant", "een redacteur bij een uitgeverij",
	},
	times: []string{
		"volkomen onverwacht", "op een vrijdagmiddag", "midden in een drukke maand", "vlak na een congres",
		"net voor de vakantie", "een week nadat je van baan wisselde", "laat op een avond", "bij een kop koffie",
	},
	advice: []string{
		"Bedank ze hartelijk", "Zeg ja, op je eigen voorwaarden", "Sla het vriendelijk en kort af",
		"Verwijs ze naar iemand die beter past", "Bied een kleinere, concrete gunst aan", "Stel een kort telefoontje voor",
		"Zeg duidelijk wat je nodig hebt", "Wacht een paar weken voordat je iets vraagt", "Doe eerst je huiswerk",
		"Houd je antwoord kort",
	},
	reasons: []string{
		"een vaag verzoek kost iedereen tijd", "goodwill is makkelijker te houden dan terug te winnen",
		"een concrete datum laat zien dat je het meent", "niemand wil de kortere weg van een onbekende zijn",
		"ook de reputatie van wie je voorstelt staat op het spel", "mensen helpen wie het helpen makkelijk maakt",
		"een beleefd nee vandaag houdt de deur open voor morgen", "een haastig antwoord klinkt als een afwimpeling",
		"een duidelijke vraag levert een betere introductie op", "kleine gunsten zijn de gunsten die mensen echt verlenen",
	},
	headings: []string{
		"Je zit tot over je oren in het werk", "Je stapt over naar een ander vak", "Hun werk heeft niets met het jouwe te maken",
		"Jullie kennen elkaar pas een week", "Een onbekende mailt je onverwacht", "Een vriend vraagt iets voor een vriend",
		"Je hebt een tweede gunst nodig", "Je weet niet wat je moet vragen", "Ze hebben nooit geantwoord",
		"Het moment is ongelukkig", "De gunst is te groot", "Jij bent niet de juiste persoon", "Het gesprek ging goed",
		"Voordat je iemand iets vraagt", "Jullie zijn elkaar jaren geleden uit het oog verloren",
		"Ze vroegen het in het openbaar", "Je bent net begonnen aan een nieuwe baan", "Je hebt al eens nee gezegd",
		"Iemand wil jou als mentor", "Ze willen een referentie",
	},
	tags: []string{
		"introducties", "nee zeggen", "gunsten", "vrienden", "opvolging",
		"carrièreswitch", "recruiters", "mentorschap", "timing", "referenties",
	},
	placeholders: []string{
		"naam van wie je voorstelt", "naam van het contact", "naam van je vriend", "datum waarop je weer tijd hebt",
		"je nieuwe vakgebied", "soort persoon die je zoekt", "naam van het bedrijf", "onderwerp dat je wilt bespreken",
		"hoe je elkaar kent", "iets wat je kunt aanbieden",
	},
	replyTitles: [][2]string{
		{"Zeg ja en noem een datum", "Accepteer op je eigen voorwaarden"},
		{"Sla het af met dank", "Zeg nee en houd de deur open"},
		{"Verwijs ze naar iemand die beter past", "Stel iemand anders voor"},
		{"Bied een kleinere gunst aan", "Bied een kort gesprek aan"},
		{"Vraag het opnieuw, preciezer", "Draai het verzoek om"},
		{"Bedank ze en volg het op", "Laat weten hoe het gesprek ging"},
		{"Vraag het gewoon", "Zeg wat je nodig hebt"},
		{"Wacht nog even", "Antwoord later, vriendelijk"},
		{"Doe eerst het voorwerk", "Stuur een korte samenvatting"},
	},
	subjectsWith: []string{"Over ((%s))", "Opvolging: ((%s))", "Een korte vraag over ((%s))"},
	subjectsBare: []string{"Dank je", "Bedankt dat je aan me dacht"},
	titleFmt:     "%[1]s %[2]s %[3]s: wat nu?",
	situationFmt: "%[1]s %[2]s %[3]s, %[4]s.",
	whyFmt:       "%[1]s: %[2]s.",
	quoteFmt:     `Zoals een lezer het ons schreef: "%s"`,
	quotes: []string{
		"Ik schrijf liever over twee weken dan dat ik nu haastig antwoord.",
		"De beste introducties komen met een reden.",
		"Vriendelijk nee zeggen bleek makkelijker dan ik dacht.",
		"Een kort, eerlijk bericht deed meer dan een lange verontschuldiging.",
		"Ik hoefde het maar één keer te vragen, omdat ik het duidelijk vroeg.",
	},
	linkFmts: []string{
		"Voor een vergelijkbaar geval, lees %s.", "De omgekeerde situatie bespreken we in %s.",
		"Klinkt dit bekend? Lees dan ook %s.", "Dezelfde logica geldt in %s.",
	},
	sentences: []string{
		"De meeste mensen stellen graag anderen aan elkaar voor; ze hebben alleen een betere vraag nodig.",
		"Druk zijn is op zich geen goede reden om nee te zeggen.",
		"Een afgeslagen aanbod komt niet snel terug.",
		"Een afspraak zonder doel kost twee mensen een uur en de goodwill van wie hen voorstelde.",
		"Eerlijkheid nu levert later vaak een betere introductie op, bij de juiste persoon.",
		"Wat je ook besluit, antwoord binnen een dag of twee: stilte leest als een nee.",
		"Houd wie je voorstelde op de hoogte; die stond voor je in.",
		"Het helpt om te zeggen wat je terug kunt doen, ook als het weinig is.",
		"Niemand verwacht een perfect bericht, alleen een duidelijk en vriendelijk bericht.",
		"Een concrete datum of een precieze vraag maakt de volgende stap makkelijk.",
		"Twijfel je, stel je dan voor dat je je eigen bericht op een drukke maandag krijgt.",
		"De ongemakkelijkheid gaat snel over; de naam van iemand met vage verzoeken niet.",
		"Sommigen zeggen dat je toch moet gaan en moet zien waar het gesprek heen gaat.",
		"Het probleem is dat de ander alleen weet wat er over jou verteld is.",
		"Dankbaarheid kost niets en wordt lang onthouden.",
		"Schrijf zoals je het bij een kop koffie zou zeggen, maar korter.",
	},
	listIntros: []string{"Controleer drie dingen voordat je antwoordt:", "Een paar vuistregels:", "Wat meestal werkt:"},
	listItems: []string{
		"**Wees concreet.** Noem de persoon, het onderwerp en de tijd die je nodig hebt.",
		"**Wees snel.** Antwoord binnen twee dagen, al is het maar om een datum te prikken.",
		"**Wees eerlijk.** Zeg kort waarom, zonder lange verontschuldiging.",
		"Bedank eerst wie je voorstelt.",
		"Zet wie je voorstelde in de bcc zodra de introductie gedaan is.",
		"Bied iets terug aan, al is het iets kleins.",
		"Houd het eerste bericht onder de honderd woorden.",
		"Stel twee concrete tijden voor in plaats van te vragen wanneer het uitkomt.",
		"Stuur nooit een privébericht door zonder het eerst te vragen.",
		"Zeg wat je al geprobeerd hebt, zodat niemand het herhaalt.",
		"**Herinner één keer.** Een tweede herinnering is meestal te veel.",
		"Maak het rond: vertel hoe het ging.",
	},
	subheads:    []string{"Wat je schrijft", "Wat je beter niet doet", "Als ze aandringen", "Een woord over timing", "Bij twijfel", "Opvolgen"},
	closingHead: "Kort gezegd",
	closing: []string{
		"Nieuwe mensen ontmoeten loont, zolang de ontmoeting ieders tijd waard is.",
		"Welke zet je ook kiest, wees dankbaar en zeg open wat je nodig hebt.",
		"Zo kunnen je contacten je helpen, deze keer en de volgende.",
	},
	greetings: []string{"Hoi ((%s)),", "Beste ((%s)),", "Hallo ((%s)),"},
	signoffs:  []string{"Hartelijke groet,", "Groetjes,", "Nogmaals bedankt,", "Tot snel,"},
	replyWith: []string{
		"Heel erg bedankt dat je aan me dacht en ((%s)) noemde.",
		"Ik hoor graag meer, maar tot ((%s)) zit ik vol.",
		"Vind je het goed als ik ((%s)) noem wanneer ik schrijf?",
		"Ik richt me nu op ((%s)), dus ik wil eerlijk tegen je zijn.",
		"Als je iemand kent in ((%s)), zou ik een introductie erg waarderen.",
		"Ik heb ((%s)) genoteerd, zodat we samen een moment kunnen kiezen.",
		"Kunnen we volgende week kort praten over ((%s))?",
		"In ruil help ik je graag met ((%s)) wanneer het van pas komt.",
	},
	replyBare: []string{
		"Dat waardeer ik echt.", "Ik geef het liever mijn volle aandacht dan dat ik het afraffel.",
		"Ik hoop dat je het begrijpt.", "Nogmaals bedankt voor je geduld.",
		"Laat maar weten of dat uitkomt.", "Ik hou je op de hoogte.",
	},
	homeTitle:   "Tact: netwerken met tact, met de woorden om te sturen",
	homeSummary: "Advies voor ongemakkelijke netwerkmomenten, met antwoorden die je kunt aanpassen en versturen.",
	homeBody: []string{
		"Iemand biedt je een introductie aan die je niet nodig hebt, een vriend vraagt een lastige gunst, of je weet niet hoe je om hulp vraagt zonder misbruik te lijken te maken. Deze gids bundelt praktisch advies voor die momenten en, voor elk ervan, een bericht dat je in een paar minuten aanpast en verstuurt.",
		"Begin bij een van de artikelen hieronder: elk artikel beschrijft de situaties, de beste zet, waarom, en de woorden om te sturen.",
	},
}
