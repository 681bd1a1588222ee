/**
 * Frequent words of five letters or more (en, fr, es, pt, it), folded (no accents, lowercase). The
 * search probe skips them when it picks a word from the portal's own text.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `about above after again against among because before being below between both could doing during
  every further having other their theirs there these those through under until where which while would
  should shall might since within without upon whose yours itself himself herself themselves
  click here more please learn contact email phone menu search home page pages today
  avant apres aussi autre autres avoir cette celui celle ceux comme dans depuis donc elles encore entre
  etait etre faire leurs leur lorsque notre nous parce plusieurs pendant peut pour quand quelle quelles
  quels selon toutes toute tous votre vous leurs sans sous chez cela ainsi alors afin plus accueil
  ademas ahora antes aquel aquella aquellos cada cierto como contra cual cuales cuando desde donde durante
  ellas ellos entre estaba estado estan estar este esta estas estos hasta hacia mientras mismo muchos nosotros
  nuestra nuestro otras otros para pero porque puede sobre solo tambien tiene tienen todas todos usted
  ustedes vuestra inicio
  algumas alguns ainda antes apenas aquele aquela assim atraves cada como depois desde entao essas esses
  estao estava estes isso muito nossa nosso outra outras outro outros pelas pelos porque quais quando qualquer
  sobre suas todas todos voces
  allora anche ancora avere benche cioe come contro dalla dalle dagli degli della delle dello dentro dopo
  essere fare fino loro mentre molto nella nelle nello noialtri nostra nostro ogni oppure perche pero
  piu poiche prima quale quali quando quanto quella quelle quelli quello questa queste questi questo sempre
  senza siamo sono sopra sotto stata stato tutta tutte tutti tutto verso vostra vostro`
    .split(/\s+/)
    .filter((w) => w.length >= 5),
);
